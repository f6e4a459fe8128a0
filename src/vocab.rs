//! The fixed words of the language and the legal meaning each stands for. Each vocabulary is
//! an enum, so later stages match on legal concepts, never on strings.

use serde::{Deserialize, Serialize};

/// A closed set of words, each with one meaning.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What the words name, for messages: "legal basis".
    const WHAT: &'static str;
    const ALL: &'static [Self];
    fn word(self) -> &'static str;
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.word() == word)
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $word:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),*
        }

        impl Vocabulary for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn word(self) -> &'static str {
                match self { $($name::$variant => $word),* }
            }
        }
    };
}

vocabulary! {
    /// A language notices are written in.
    Lang, "language" { Da = "da", Sv = "sv" }
}

vocabulary! {
    /// Whose national law applies and which authority supervises.
    Jurisdiction, "jurisdiction" { Dk = "DK", Se = "SE" }
}

vocabulary! {
    /// How the notice is arranged.
    Layout, "layout" {
        /// One section per topic: who we are, what, why, from where, to whom, how long, rights.
        ByTopic = "by-topic",
        /// One section per processing activity.
        ByActivity = "by-activity",
        /// One section per group of data subjects.
        ByAudience = "by-audience",
    }
}

vocabulary! {
    /// The first word of `kind`.
    KindWord, "kind of data" {
        Ordinary = "ordinary",
        /// Art. 9(1); a second word says which category.
        Special = "special",
        /// Art. 10.
        Criminal = "criminal",
        /// CPR-nummer / personnummer.
        NationalId = "national-id",
        Financial = "financial",
    }
}

vocabulary! {
    /// The special categories of Art. 9(1).
    SpecialCategory, "special category" {
        EthnicOrigin = "ethnic-origin",
        Political = "political",
        Religion = "religion",
        TradeUnion = "trade-union",
        Genetic = "genetic",
        Biometric = "biometric",
        Health = "health",
        SexLife = "sex-life",
    }
}

vocabulary! {
    /// Art. 6(1) legal bases.
    LegalBasis, "legal basis" {
        /// (a)
        Consent = "consent",
        /// (b)
        Contract = "contract",
        /// (c)
        LegalObligation = "legal-obligation",
        /// (d)
        VitalInterests = "vital-interests",
        /// (e)
        PublicTask = "public-task",
        /// (f)
        LegitimateInterests = "legitimate-interests",
    }
}

vocabulary! {
    /// Art. 9(2) conditions for special-category data.
    Art9Condition, "Art. 9(2) condition" {
        /// (a)
        ExplicitConsent = "explicit-consent",
        /// (b)
        EmploymentLaw = "employment-law",
        /// (c)
        VitalInterests = "vital-interests",
        /// (d)
        NotForProfit = "not-for-profit",
        /// (e)
        MadePublic = "made-public",
        /// (f)
        LegalClaims = "legal-claims",
        /// (g)
        SubstantialPublicInterest = "substantial-public-interest",
        /// (h)
        HealthCare = "health-care",
        /// (i)
        PublicHealth = "public-health",
        /// (j)
        ArchivingResearch = "archiving-research",
    }
}

vocabulary! {
    /// Conditions for criminal-offence data under Art. 10 and national law.
    Art10Condition, "condition for criminal-offence data" {
        ExplicitConsent = "explicit-consent",
        /// DK § 8 stk. 3: a legitimate interest that clearly outweighs the person's.
        ClearlyOverridingInterest = "clearly-overriding-interest",
        LegalClaims = "legal-claims",
        LegalObligation = "legal-obligation",
        OfficialAuthority = "official-authority",
        /// SE: the cases IMY's regulations allow (DIFS 2018:2, under förordning (2018:219) 6 §).
        ImyRegulations = "imy-regulations",
    }
}

vocabulary! {
    /// Conditions for national identity numbers (DK § 11, SE 3 kap. 10 §).
    IdNumberCondition, "condition for identity numbers" {
        RequiredByLaw = "required-by-law",
        Consent = "consent",
        /// DK § 11 stk. 2 nr. 3; SE: clearly justified by the need for secure identification.
        SecureIdentification = "secure-identification",
        ResearchStatistics = "research-statistics",
        OfficialAuthority = "official-authority",
        /// SE 3 kap. 10 §: clearly justified with regard to the purpose of the processing.
        JustifiedByPurpose = "justified-by-purpose",
        /// SE 3 kap. 10 §: clearly justified by another considerable reason.
        ConsiderableReason = "considerable-reason",
    }
}

vocabulary! {
    /// Art. 13(2)(e): whether the person must provide the data.
    Provision, "kind of requirement" {
        Statutory = "statutory",
        Contractual = "contractual",
        /// Needed to enter into a contract.
        PreContractual = "pre-contractual",
        Voluntary = "voluntary",
    }
}

vocabulary! {
    /// What a recipient is to the controller.
    RecipientRole, "recipient role" {
        Processor = "processor",
        /// An independent controller (third party).
        Controller = "controller",
        JointController = "joint-controller",
        PublicAuthority = "public-authority",
        /// Within the controller's own organisation or group.
        Internal = "internal",
    }
}

vocabulary! {
    /// The first word of `transfer`: the safeguard for a transfer outside the EU/EEA.
    TransferWord, "transfer mechanism" {
        /// Art. 45.
        Adequacy = "adequacy",
        /// Art. 46(2)(c).
        StandardContractualClauses = "standard-contractual-clauses",
        /// Art. 47.
        BindingCorporateRules = "binding-corporate-rules",
        /// Art. 49; a second word says which.
        Derogation = "derogation",
    }
}

vocabulary! {
    /// Adequacy decisions that cover only certified organisations.
    AdequacyFramework, "adequacy framework" {
        /// EU-US Data Privacy Framework (adequacy decision of 10 July 2023).
        DataPrivacyFramework = "data-privacy-framework",
    }
}

vocabulary! {
    /// Art. 49(1) derogations.
    Derogation, "Art. 49 derogation" {
        ExplicitConsent = "explicit-consent",
        Contract = "contract",
        PublicInterest = "public-interest",
        LegalClaims = "legal-claims",
        VitalInterests = "vital-interests",
    }
}

vocabulary! {
    /// Whether a storage place is digital or paper.
    Medium, "medium" { Digital = "digital", Paper = "paper" }
}

vocabulary! {
    /// Events that start a retention period, with standard wording in the templates.
    StandardEvent, "event" {
        Collection = "collection",
        LastContact = "last-contact",
        EndOfCourse = "end-of-course",
        EndOfEmployment = "end-of-employment",
        EndOfContract = "end-of-contract",
        EndOfRecruitment = "end-of-recruitment",
        ConsentWithdrawn = "consent-withdrawn",
        /// The transaction (invoice, payment) the data records.
        Transaction = "transaction",
    }
}

vocabulary! {
    /// Rounding of the start of a retention period to the end of a year.
    Alignment, "alignment" { FinancialYear = "financial-year", CalendarYear = "calendar-year" }
}

vocabulary! {
    /// Where a free section goes in a notice: after the introduction, or after the standard
    /// sections (the default).
    Placement, "placement" { Start = "start", End = "end" }
}

vocabulary! {
    /// What happens when a retention period ends.
    Action, "action" { Delete = "delete", Anonymise = "anonymise", Shred = "shred", Archive = "archive" }
}

vocabulary! {
    /// Why a cookie is set; all but `necessary` need consent.
    CookieClass, "cookie class" {
        Necessary = "necessary",
        Functional = "functional",
        Statistics = "statistics",
        Marketing = "marketing",
    }
}

vocabulary! {
    /// Who sets a cookie.
    Party, "party" { First = "first", Third = "third" }
}

vocabulary! {
    /// Who the people of a group are to the controller: the law treats some relations apart
    /// (employees' consent, Art. 7(4); marketing to private persons).
    Relation, "relation" {
        Employees = "employees",
        PrivatePersons = "private-persons",
        BusinessContacts = "business-contacts",
    }
}

vocabulary! {
    /// How direct marketing reaches people.
    Channel, "marketing channel" {
        Email = "email",
        Sms = "sms",
        Phone = "phone",
        Post = "post",
        Online = "online",
    }
}

vocabulary! {
    /// Months, for the start of the financial year.
    Month, "month" {
        January = "january", February = "february", March = "march", April = "april", May = "may",
        June = "june", July = "july", August = "august", September = "september",
        October = "october", November = "november", December = "december",
    }
}

impl Month {
    /// 1 for January.
    pub fn number(self) -> u8 {
        Month::ALL.iter().position(|m| *m == self).map_or(1, |i| i as u8 + 1)
    }
}
