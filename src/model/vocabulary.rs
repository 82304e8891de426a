//! The closed vocabularies of the model: what the Council does (verb categories), what kind of
//! place a region is, and what a reading note is about. Each is an enum with its slug (as the
//! JSON and the URL write it: never rename one) and its labels, Arabic and English, side by side,
//! so a new member is added in one place and the compiler finds every `match` to extend.

use serde::{Deserialize, Serialize};

/// What an operative verb does: the categories of `lexicon/verbs.tsv`, the verb chips and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbCategory {
    Welcome,
    Commend,
    Condemn,
    Reject,
    Concern,
    Call,
    Request,
    Decide,
    Affirm,
    Support,
    Note,
}

impl VerbCategory {
    /// Every category, in the order the legend shows them.
    pub const ALL: [VerbCategory; 11] = [
        VerbCategory::Welcome,
        VerbCategory::Commend,
        VerbCategory::Condemn,
        VerbCategory::Reject,
        VerbCategory::Concern,
        VerbCategory::Call,
        VerbCategory::Request,
        VerbCategory::Decide,
        VerbCategory::Affirm,
        VerbCategory::Support,
        VerbCategory::Note,
    ];

    /// `(slug, Arabic label, English label)`.
    const fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            VerbCategory::Welcome => ("welcome", "ترحيب", "Welcomes"),
            VerbCategory::Commend => ("commend", "إشادة", "Commends"),
            VerbCategory::Condemn => ("condemn", "إدانة", "Condemns"),
            VerbCategory::Reject => ("reject", "رفض", "Rejects"),
            VerbCategory::Concern => ("concern", "قلق", "Concern"),
            VerbCategory::Call => ("call", "دعوة", "Calls upon"),
            VerbCategory::Request => ("request", "طلب", "Requests"),
            VerbCategory::Decide => ("decide", "قرار", "Decides"),
            VerbCategory::Affirm => ("affirm", "تأكيد", "Affirms"),
            VerbCategory::Support => ("support", "دعم", "Supports"),
            VerbCategory::Note => ("note", "إحاطة", "Notes"),
        }
    }

    /// The slug, as in URLs (`verb=condemn`), the JSON and `verbs.tsv`.
    pub const fn slug(self) -> &'static str {
        self.names().0
    }
    pub const fn label_ar(self) -> &'static str {
        self.names().1
    }
    pub const fn label_en(self) -> &'static str {
        self.names().2
    }
    /// Its position in [`VerbCategory::ALL`] (for counting in arrays and bit sets).
    pub const fn index(self) -> usize {
        self as usize
    }
    pub fn from_slug(slug: &str) -> Option<VerbCategory> {
        VerbCategory::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// What kind of place a gazetteer entry is (`lexicon/regions.tsv`'s second column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// A member state of the OIC.
    Member,
    /// Any other state.
    Country,
    /// A territory or a part of a state (Jammu and Kashmir, Nagorno-Karabakh, Al-Quds).
    Territory,
    /// A people or community (the Rohingya, the Turkish Cypriots).
    People,
    /// A region across states (the Sahel, the Horn of Africa).
    Subregion,
    Continent,
}

impl RegionKind {
    pub const ALL: [RegionKind; 6] = [
        RegionKind::Member,
        RegionKind::Country,
        RegionKind::Territory,
        RegionKind::People,
        RegionKind::Subregion,
        RegionKind::Continent,
    ];

    const fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RegionKind::Member => ("member", "الدول الأعضاء", "Member states"),
            RegionKind::Country => ("country", "دول أخرى", "Other states"),
            RegionKind::Territory => ("territory", "أقاليم", "Territories"),
            RegionKind::People => ("people", "شعوب", "Peoples"),
            RegionKind::Subregion => ("subregion", "المناطق", "Sub-regions"),
            RegionKind::Continent => ("continent", "القارات", "Continents"),
        }
    }
    pub const fn slug(self) -> &'static str {
        self.names().0
    }
    /// The heading of this kind's group in a list of places (plural).
    pub const fn label_ar(self) -> &'static str {
        self.names().1
    }
    pub const fn label_en(self) -> &'static str {
        self.names().2
    }
    pub fn from_slug(slug: &str) -> Option<RegionKind> {
        RegionKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
    /// A region that groups places (a continent, a sub-region) rather than being one.
    pub const fn is_broad(self) -> bool {
        matches!(self, RegionKind::Continent | RegionKind::Subregion)
    }
}

/// What a reading note is about. The code decides its severity; the message says the particulars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticCode {
    /// How the file was read (its format and encoding).
    Encoding,
    /// Page numbers and running heads set aside.
    PageFurniture,
    /// The table of contents' number and page columns were printed the other way round.
    TocColumnsSwapped,
    /// Lines broken by a page or a converter were joined back into their paragraph.
    LineRejoined,
    /// A preambular paragraph opens with no phrase of the lexicon.
    PreambleWithoutOpening,
    /// An operative clause opens with a verb the lexicon does not have.
    VerbNotInLexicon,
    /// An operative clause does not open with a verb.
    ClauseWithoutVerb,
    /// A clause opens with an operative verb but carries no number.
    ClauseWithoutNumber,
    /// A lettered item stands before any operative clause.
    ItemBeforeClauses,
    /// A resolution without a heading took its id from the table of contents.
    HeadingRecoveredFromToc,
    /// A resolution without a heading took the next number.
    HeadingRecoveredFromNumbering,
    /// A resolution's title comes from the table of contents.
    TitleFromToc,
    /// The numbering skips a number.
    NumberingGap,
    /// Two resolutions carry the same id.
    DuplicateId,
    /// A resolution has no operative clause or stops mid-sentence.
    ResolutionIncomplete,
}

impl DiagnosticCode {
    pub const ALL: [DiagnosticCode; 15] = [
        DiagnosticCode::Encoding,
        DiagnosticCode::PageFurniture,
        DiagnosticCode::TocColumnsSwapped,
        DiagnosticCode::LineRejoined,
        DiagnosticCode::PreambleWithoutOpening,
        DiagnosticCode::VerbNotInLexicon,
        DiagnosticCode::ClauseWithoutVerb,
        DiagnosticCode::ClauseWithoutNumber,
        DiagnosticCode::ItemBeforeClauses,
        DiagnosticCode::HeadingRecoveredFromToc,
        DiagnosticCode::HeadingRecoveredFromNumbering,
        DiagnosticCode::TitleFromToc,
        DiagnosticCode::NumberingGap,
        DiagnosticCode::DuplicateId,
        DiagnosticCode::ResolutionIncomplete,
    ];

    /// `(slug, severity, Arabic label, English label)`.
    const fn names(self) -> (&'static str, super::Severity, &'static str, &'static str) {
        use super::Severity::{Info, Warning};
        use DiagnosticCode::*;
        match self {
            Encoding => ("encoding", Info, "ترميز الملف", "How the file was read"),
            PageFurniture => (
                "page-furniture",
                Info,
                "أرقام الصفحات وترويساتها",
                "Page numbers and running heads",
            ),
            TocColumnsSwapped => (
                "toc-columns-swapped",
                Info,
                "أعمدة الفهرس معكوسة",
                "Table of contents columns swapped",
            ),
            LineRejoined => ("line-rejoined", Info, "أسطر أعيد وصلها", "Lines rejoined"),
            PreambleWithoutOpening => (
                "preamble-without-opening",
                Info,
                "فقرة ديباجة بلا افتتاح معروف",
                "Preambular paragraph without a known opening",
            ),
            VerbNotInLexicon => (
                "verb-not-in-lexicon",
                Info,
                "فعل غير معجمي",
                "Verb not in the lexicon",
            ),
            ClauseWithoutVerb => (
                "clause-without-verb",
                Warning,
                "فقرة عاملة بلا فعل",
                "Operative clause without a verb",
            ),
            ClauseWithoutNumber => (
                "clause-without-number",
                Warning,
                "فقرة عاملة بلا رقم",
                "Operative clause without a number",
            ),
            ItemBeforeClauses => (
                "item-before-clauses",
                Warning,
                "بند قبل الفقرات العاملة",
                "Item before the operative clauses",
            ),
            HeadingRecoveredFromToc => (
                "heading-recovered-from-toc",
                Warning,
                "رقم القرار من الفهرس",
                "Id taken from the table of contents",
            ),
            HeadingRecoveredFromNumbering => (
                "heading-recovered-from-numbering",
                Warning,
                "رقم القرار من الترقيم",
                "Id taken from the numbering",
            ),
            TitleFromToc => (
                "title-from-toc",
                Warning,
                "العنوان من الفهرس",
                "Title taken from the table of contents",
            ),
            NumberingGap => (
                "numbering-gap",
                Warning,
                "ثغرة في الترقيم",
                "Gap in the numbering",
            ),
            DuplicateId => ("duplicate-id", Warning, "رقم مكرر", "Duplicate id"),
            ResolutionIncomplete => (
                "resolution-incomplete",
                Warning,
                "قرار مبتور",
                "Resolution cut off",
            ),
        }
    }
    pub const fn slug(self) -> &'static str {
        self.names().0
    }
    /// How much the reader should care: the code decides it.
    pub const fn severity(self) -> super::Severity {
        self.names().1
    }
    pub const fn label_ar(self) -> &'static str {
        self.names().2
    }
    pub const fn label_en(self) -> &'static str {
        self.names().3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_what_serde_writes() {
        for c in VerbCategory::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.slug())
            );
            assert_eq!(VerbCategory::from_slug(c.slug()), Some(c));
        }
        for k in RegionKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.slug())
            );
        }
        for d in DiagnosticCode::ALL {
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                format!("\"{}\"", d.slug())
            );
        }
    }

    #[test]
    fn every_member_is_listed_once() {
        for (i, c) in VerbCategory::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i, "ALL should be in declaration order");
        }
        let mut codes: Vec<_> = DiagnosticCode::ALL.iter().map(|d| d.slug()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), DiagnosticCode::ALL.len());
    }
}
