//! The abstract syntax tree: a policy file as written, with a span on every node. The tree is
//! generic over blocks (a block is a keyword, an optional name and items); the grammar has
//! already ensured that each item has the shape its keyword takes, and `resolve` gives the
//! items their meaning.

use crate::span::{Span, Spanned};

// Plain values are the same before and after resolution.
pub use crate::model::{Date, Unit};

/// A whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub decls: Vec<Decl>,
}

/// The kind of a top-level declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeclKind {
    Policy,
    Controller,
    Group,
    Data,
    Source,
    Recipient,
    Storage,
    Event,
    Purpose,
    Retention,
    Cookie,
    Security,
    Rights,
    Section,
}

impl DeclKind {
    /// Every kind of declaration, in the order the reference describes them.
    pub const ALL: &'static [DeclKind] = &[
        DeclKind::Policy,
        DeclKind::Controller,
        DeclKind::Group,
        DeclKind::Data,
        DeclKind::Source,
        DeclKind::Recipient,
        DeclKind::Storage,
        DeclKind::Event,
        DeclKind::Purpose,
        DeclKind::Retention,
        DeclKind::Cookie,
        DeclKind::Security,
        DeclKind::Rights,
        DeclKind::Section,
    ];

    /// The keyword that opens the declaration.
    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Policy => "policy",
            DeclKind::Controller => "controller",
            DeclKind::Group => "group",
            DeclKind::Data => "data",
            DeclKind::Source => "source",
            DeclKind::Recipient => "recipient",
            DeclKind::Storage => "storage",
            DeclKind::Event => "event",
            DeclKind::Purpose => "purpose",
            DeclKind::Retention => "retention",
            DeclKind::Cookie => "cookie",
            DeclKind::Security => "security",
            DeclKind::Rights => "rights",
            DeclKind::Section => "section",
        }
    }

    /// How the kind is named in messages: "data category", "retention rule", ...
    pub fn noun(self) -> &'static str {
        match self {
            DeclKind::Policy => "policy header",
            DeclKind::Controller => "controller",
            DeclKind::Group => "subject group",
            DeclKind::Data => "data category",
            DeclKind::Source => "source",
            DeclKind::Recipient => "recipient",
            DeclKind::Storage => "storage place",
            DeclKind::Event => "event",
            DeclKind::Purpose => "purpose",
            DeclKind::Retention => "retention rule",
            DeclKind::Cookie => "cookie",
            DeclKind::Security => "security block",
            DeclKind::Rights => "rights block",
            DeclKind::Section => "section",
        }
    }
}

/// A top-level declaration: `purpose recruitment { ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Decl {
    pub kind: Spanned<DeclKind>,
    /// The declared name; `None` for blocks a policy has once (controller, security, rights).
    pub name: Option<Spanned<String>>,
    pub block: Block,
}

/// `{ items }` with the span of the whole block including its keyword.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub items: Vec<Item>,
    pub span: Span,
}

/// One item: `title da "..."`, `keep 6 months after last-contact`, a nested block, ...
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The keyword, exactly as the grammar knows it (`title`, `dpo`, `keep`, ...).
    pub key: Spanned<&'static str>,
    pub value: Value,
    /// The whole item, keyword and value.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Translated text: `da "..." sv "..."`.
    Text(Text),
    /// One string for every language: `"JobConnection ApS"`.
    Str(Spanned<String>),
    /// A reference to a declaration: `operated-by hr-cloud`.
    Ident(Spanned<String>),
    /// References: `data cv, contact`.
    Idents(Vec<Spanned<String>>),
    /// Words from a fixed list: `kind special health`, `basis consent, contract`.
    Words(Vec<Spanned<String>>),
    /// Language tags: `languages da, sv`.
    Langs(Vec<Spanned<String>>),
    Date(Spanned<Date>),
    YesNo(Spanned<bool>),
    Duration(Duration),
    /// `financial-year starts 1 July`.
    DayOfYear {
        day: Spanned<u32>,
        month: Spanned<String>,
    },
    Keep(Keep),
    /// `art9 explicit-consent for health, trade-union`: a fixed word for some declarations
    /// (`data` empty: for all of them); `sources job-centre for cv`: a source (`word`, a
    /// reference here) for some data.
    Condition {
        word: Spanned<String>,
        data: Vec<Spanned<String>>,
    },
    /// `law bogforingsloven "§ 12"`: an act of the legal tables, and the provision.
    Act {
        id: Spanned<String>,
        provision: Option<Spanned<String>>,
    },
    /// `law collective-agreement "Teknikavtalet"`: an obligation from a collective agreement.
    Agreement(Spanned<String>),
    /// `limit 5 years after end-of-course`.
    Limit {
        duration: Duration,
        after: Spanned<String>,
    },
    /// `lifetime session` or `lifetime 24 months`.
    Lifetime(Option<Duration>),
    /// A nested block: `dpo { ... }`, `profiling { ... }`.
    Block(Block),
    /// No value: `email unconfirmed "..."`, where the fact is not known yet (the grammar allows
    /// it only right before an `unconfirmed` item).
    Unknown,
}

/// A text with one string per language, in the order written.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub parts: Vec<(Spanned<String>, Spanned<String>)>,
    pub span: Span,
}

/// `6 months`.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    pub amount: Spanned<u32>,
    pub unit: Spanned<Unit>,
    pub span: Span,
}

/// The value of `keep`.
#[derive(Debug, Clone, PartialEq)]
pub enum Keep {
    /// `[up to] 6 months after last-contact`.
    For { up_to: bool, duration: Duration, after: Spanned<String> },
    /// `until end-of-course`.
    Until(Spanned<String>),
    /// `indefinitely`.
    Indefinitely(Span),
}
