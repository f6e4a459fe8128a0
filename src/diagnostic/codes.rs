//! The stable diagnostic codes. A code never changes meaning once published: CI systems and
//! editors match on them. `policyc explain CODE` prints the long explanation.

use crate::diagnostic::Severity;

macro_rules! codes {
    ($( $variant:ident = $code:literal, $severity:ident, $summary:literal; )*) => {
        /// A stable diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The code as printed: `E0001`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }

            /// One line for `policyc explain` without a code.
            pub fn summary(self) -> &'static str {
                match self { $( Code::$variant => $summary, )* }
            }

            /// The long explanation printed by `policyc explain CODE`.
            pub fn explanation(self) -> &'static str {
                match self { $( Code::$variant => include_str!(concat!("../../docs/codes/", $code, ".md")), )* }
            }

            pub fn parse(s: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s))
            }
        }
    };
}

codes! {
    Syntax = "E0001", Error, "the text does not follow the policy language";
    UnterminatedText = "E0002", Error, "a text is never closed with `\"`";
    UnclosedBlock = "E0003", Error, "a block is never closed with `}`";
    BadEscape = "E0004", Error, "an unknown backslash escape in a text";
    BadDate = "E0005", Error, "a date that does not exist";
    BadNumber = "E0006", Error, "a number out of range";
    EmptyText = "E0007", Error, "an empty text";
    TooLarge = "E0008", Error, "the file exceeds a limit of policyc (size, text length, blocks)";
    DuplicateDeclaration = "E0101", Error, "a name declared twice";
    UndefinedName = "E0102", Error, "a name used but never declared";
    DuplicateItem = "E0103", Error, "an item given twice in one block";
    MissingItem = "E0104", Error, "a block lacks an item it must have";
    UnknownWord = "E0105", Error, "a word this item does not accept";
    MissingTranslation = "E0106", Error, "a text lacks one of the declared languages";
    UndeclaredLanguage = "E0107", Error, "a text in a language the policy does not declare";
    PolicyHeader = "E0108", Error, "no `policy` header, or more than one";
    DuplicateLanguage = "E0109", Error, "a language given twice";
    SingletonTwice = "E0110", Error, "a once-only block given twice";
    ReservedName = "E0111", Error, "a declaration uses a built-in name";
    UnknownLaw = "E0112", Error, "an act the legal tables do not know";
    NoBasis = "E0201", Error, "a purpose has no legal basis (Art. 6(1))";
    NoArt9Condition = "E0202", Error, "special-category data without an Art. 9(2) condition";
    ConsentNotExplicit = "W0203", Warning, "special-category data on consent without explicit consent (Art. 9(2)(a))";
    NoArt10Condition = "E0204", Error, "criminal-offence data without its national condition (Art. 10)";
    Art10NotAllowed = "E0205", Error, "a condition for criminal-offence data the jurisdiction does not allow (Art. 10)";
    NoIdNumberCondition = "E0206", Error, "identity numbers without their national condition (DK § 11, SE 3 kap. 10 §)";
    IdNumberNotAllowed = "E0207", Error, "a condition for identity numbers the jurisdiction does not allow (DK § 11, SE 3 kap. 10 §)";
    InterestNotStated = "E0208", Error, "legitimate interests not stated (Art. 13(1)(d))";
    AuthorityInterest = "E0209", Error, "a public authority relying on legitimate interests (Art. 6(1))";
    NoTransferSafeguard = "E0210", Error, "a transfer outside the EU/EEA without a safeguard (Art. 44-49)";
    NoAdequacy = "E0211", Error, "an adequacy decision that does not exist or does not cover it (Art. 45)";
    NoRetention = "E0212", Error, "data a purpose uses without a retention rule (Art. 13(2)(a))";
    UnjustifiedIndefinite = "E0213", Error, "data kept indefinitely without a justification (Art. 5(1)(e))";
    BelowStatutoryMinimum = "E0214", Error, "retention shorter than the statutory minimum it invokes";
    NoSource = "E0215", Error, "a purpose does not say where its data comes from (Art. 14(2)(f))";
    NoRightsContact = "E0216", Error, "no contact for exercising rights (Art. 12, 13(1)(a))";
    HardToWithdraw = "E0217", Error, "consent with no easy way to withdraw it (Art. 7(3))";
    NoProfilingLogic = "E0218", Error, "profiling or an automated decision without its logic (Art. 13(2)(f))";
    AutomatedDecisionBasis = "E0219", Error, "an automated decision without an Art. 22(2) basis";
    ControllerUnreachable = "E0220", Error, "the controller cannot be contacted (Art. 13(1)(a))";
    ControllerUnidentified = "W0221", Warning, "the controller has no address or registration number (Art. 13(1)(a))";
    NoDpo = "W0222", Warning, "a public authority without a data protection officer (Art. 37(1)(a))";
    CookieWithoutConsent = "E0223", Error, "a non-essential cookie without consent (ePrivacy Art. 5(3))";
    CookieWithoutLifetime = "E0224", Error, "a cookie without its lifetime";
    Unused = "W0225", Warning, "a declaration nothing uses";
    RetentionCoversNothing = "W0226", Warning, "a retention rule that covers no processed data";
    NeedlessCondition = "W0227", Warning, "a condition for data the purpose does not use";
    InterestWithoutBasis = "W0228", Warning, "a stated interest without the legitimate-interests basis";
    SafeguardInsideEea = "W0229", Warning, "a transfer safeguard for a recipient inside the EU/EEA";
    PurposeWithoutData = "W0230", Warning, "a purpose without data categories or subject groups (Art. 14(1)(d))";
    DpoUnreachable = "E0231", Error, "a data protection officer without contact details (Art. 13(1)(b))";
    OnlyByPost = "W0232", Warning, "the controller can be reached only by post (Art. 12(2), recital 59)";
    PrivateProvision = "E0233", Error, "a public authority relying on a provision for private controllers";
    AuthorityConsent = "W0234", Warning, "consent as a public authority's only legal basis (recital 43)";
    SourceNotNamed = "W0235", Warning, "data a declared source provides, but the purpose names only the person (Art. 14)";
    ConsentDataOutlivesConsent = "W0236", Warning, "data processed on consent alone kept after consent is withdrawn (Art. 7(3), 17(1)(b))";
    RecipientWithoutCountry = "E0237", Error, "a recipient a purpose names without a country (Art. 13(1)(f), 44)";
    SourceDoesNotGiveData = "E0238", Error, "a purpose says data comes from a source that does not give it (Art. 14(1)(d))";
    SourcedDataNotUsed = "E0239", Error, "a purpose says where data comes from that it does not use";
    AgreementNotLaw = "E0240", Error, "a collective agreement as law where national law does not accept it";
    Unconfirmed = "W0250", Warning, "a fact marked as not yet confirmed";
    NoLawNamed = "W0251", Warning, "a purpose on a legal obligation or public task names no law (Art. 6(3))";
    ProvisionNotStated = "W0252", Warning, "a purpose does not say whether the data must be provided (Art. 13(2)(e))";
    StatutoryOnConsent = "E0253", Error, "a statutory requirement on a purpose that rests on consent alone";
    StatutoryWithoutLaw = "E0254", Error, "a statutory requirement that names no law (Art. 13(2)(e))";
    PublishedIdNumber = "E0255", Error, "an identity number published without consent (DK § 11(3))";
    PublishedSpecial = "E0256", Error, "special-category data published without Art. 9(2)(a) or (e)";
    EmployeeConsent = "W0257", Warning, "employees' consent to their special-category data (Art. 7(4), recital 43)";
    MarketingEmail = "W0258", Warning, "marketing by e-mail or SMS on legitimate interests, or by an unstated channel";
    MinimumCoversSensitive = "W0259", Warning, "a statutory minimum for records applied to special-category or criminal data";
    NoArrangement = "W0260", Warning, "a joint controller without the essence of the arrangement (Art. 26(2))";
    Template = "E0301", Error, "a notice template cannot be rendered";
    Internal = "E0900", Error, "an internal compiler error";
}
