//! The viewer's components, one per file. Each reads the state it needs from context
//! ([`crate::app::state::use_state`]) and draws what `crate::view` decides.

mod active_regions;
mod back_to_top;
mod cite_button;
mod comparison_view;
mod contents;
mod download_menu;
mod filter_bar;
mod library_list;
mod mentions_toggle;
mod messages;
mod overview_panel;
mod paragraph_text;
mod reading_notes;
mod region_picker;
mod resolution_card;
mod resolution_list;
mod scope_view;
mod search_box;
mod search_results;
mod session_header;
mod verb_chips;
mod view_summary;
mod view_tools;

pub use active_regions::ActiveRegions;
pub use back_to_top::BackToTop;
pub use cite_button::CiteButton;
pub use comparison_view::ComparisonView;
pub use contents::Contents;
pub use download_menu::DownloadMenu;
pub use filter_bar::FilterBar;
pub use library_list::LibraryList;
pub use mentions_toggle::MentionsToggle;
pub use messages::Messages;
pub use overview_panel::OverviewPanel;
pub use reading_notes::ReadingNotes;
pub use region_picker::RegionPicker;
pub use resolution_card::ResolutionCard;
pub use resolution_list::ResolutionList;
pub use scope_view::ScopeView;
pub use search_box::SearchBox;
pub use search_results::SearchResults;
pub use session_header::SessionHeader;
pub use verb_chips::VerbChips;
pub use view_summary::ViewSummary;
pub use view_tools::ViewTools;
