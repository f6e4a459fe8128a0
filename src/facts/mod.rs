//! Stage 4, facts: what every output states, derived once from the checked model. The notices,
//! the retention schedule, the Art. 30 record and the TILT export word these facts; none of
//! them works a fact out again. `Facts` holds what is derived once per policy (which retention
//! rules cover which purposes); `notice` adds, per language and layout, the facts a notice
//! template renders (which data of which purpose and group comes from which source, which
//! rights apply to which purposes and why, which contact channels exist, the legal grounds
//! each stated once with their purposes), every string escaped for Markdown.

mod builder;
mod derive;
mod draft;
mod entities;
mod items;
mod lists;
mod notice;
mod origin;
mod processing;
mod rights;

use crate::model::Policy;
use crate::model::coverage::{Coverage, coverage};

pub use derive::md;
pub use draft::DraftNote;
pub use entities::{
    AuthorityInfo, ById, ContactInfo, ControllerInfo, DataInfo, DateInfo, DayMonth, GroupInfo, Md, Named, Notice,
    PolicyInfo, SourceInfo,
};
pub use notice::notice;
pub use origin::{data_from_source, sources_of_data, users_of_sources};
pub use processing::{
    Art9Info, CookieInfo, DurationInfo, EventInfo, GroundInfo, LimitInfo, PeriodInfo, ProfilingInfo, PurposeInfo,
    RecipientInfo, RetentionInfo, RightsInfo, SectionInfo, SecurityInfo, StorageInfo, TransferInfo,
};
pub use rights::{Channels, RightsOf, channels, rights_of};

/// The facts derived once per policy, which every output reads.
pub struct Facts<'a> {
    pub policy: &'a Policy,
    /// Which retention rules cover which purposes.
    pub coverage: Coverage,
    /// Which data categories are unconfirmed (`draft::unconfirmed_data`).
    pub unconfirmed_data: Vec<bool>,
}

/// Derives the facts of a checked policy.
pub fn derive(policy: &Policy) -> Facts<'_> {
    Facts { policy, coverage: coverage(policy), unconfirmed_data: draft::unconfirmed_data(policy) }
}
