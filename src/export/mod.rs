//! The data out of Qarar: a document (a whole session, or the part of it a view shows) written
//! as CSV for spreadsheets, as JSON (the model itself; `json` writes it on several threads for
//! the command line), or as Akoma Ntoso XML for legal informatics. The command line and the
//! viewer's Download menu call the same functions, so a file saved from a filtered view holds
//! exactly what the CLI would write for those resolutions.

mod akn;
mod csv;
mod date;
// Threads: the command line's, not the browser's.
#[cfg(not(target_arch = "wasm32"))]
mod json;
mod name;
mod selection;
mod stats;

pub use akn::akoma_ntoso;
pub use csv::{clause_rows, csv, csv_rows, HEADER};
pub use date::iso_date;
#[cfg(not(target_arch = "wasm32"))]
pub use json::write_json;
pub use name::file_name;
pub use selection::{Selection, Shown};
pub use stats::{stats, RegionStats, Stats, VerbStats};

/// The formats a document can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
    Akn,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::Json, ExportFormat::Akn];

    /// The name in hooks and on the command line: `csv`, `json`, `akn`.
    pub const fn slug(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Akn => "akn",
        }
    }

    /// The file name's extension (Akoma Ntoso is XML: `.akn.xml` says both).
    pub const fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Akn => "akn.xml",
        }
    }

    pub const fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
            ExportFormat::Akn => "application/akn+xml",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.slug() == slug)
    }
}

/// The selection in `format`, as the bytes of a file.
pub fn export(sel: &Selection, format: ExportFormat) -> Vec<u8> {
    match format {
        ExportFormat::Csv => csv(sel),
        ExportFormat::Json => serde_json::to_vec(&sel.to_document()).unwrap_or_default(),
        ExportFormat::Akn => akoma_ntoso(sel).into_bytes(),
    }
}
