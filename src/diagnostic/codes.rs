//! The stable diagnostic codes. A code never changes meaning once published: CI systems and
//! editors match on them. `policyc explain CODE` prints the long explanation.

use crate::diagnostic::Severity;

macro_rules! codes {
    ($( $variant:ident = $code:literal, $severity:ident, $explanation:literal; )*) => {
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

            /// The long explanation printed by `policyc explain`.
            pub fn explanation(self) -> &'static str {
                match self { $( Code::$variant => $explanation, )* }
            }

            pub fn parse(s: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s))
            }
        }
    };
}

codes! {
    Syntax = "E0001", Error,
"The text does not follow the policy language at this point.

A policy file is a list of blocks such as `purpose NAME { ... }`. Inside a block, each line
starts with a keyword (`title`, `data`, `basis`, ...) followed by its value. The message says
what the compiler expected to find where it stopped; the help line lists what may come there.

    purpose recruitment {
      title da \"Rekruttering\"
      basis contract
    }

See docs/language.md for every block and keyword.";

    UnterminatedText = "E0002", Error,
"A text was opened with `\"` but never closed.

Texts may run over several lines, so a missing closing quote swallows the rest of the file.
Add the closing `\"` where the text should end. A quote inside a text is written `\\\"`.";

    UnclosedBlock = "E0003", Error,
"A block was opened with `{` but never closed with `}`.

Every `{` needs a matching `}`. The label points at the block that is still open at the end
of the file.";

    BadEscape = "E0004", Error,
"A backslash in a text is followed by a character that has no meaning after it.

Inside a text, `\\\"` writes a quote and `\\\\` writes a backslash. Nothing else may follow a
backslash.";

    BadDate = "E0005", Error,
"A date is not a real calendar date.

Dates are written year-month-day: `2021-10-31`. The month must be 1 to 12 and the day must
exist in that month.";

    BadNumber = "E0006", Error,
"A number is too large or is zero where a positive number is needed.

Durations and days are whole numbers such as `6 months` or `1 July`.";

    UnclosedText = "E0007", Error,
"A text is empty.

Every text must say something. Remove the item or write the text.";

    DuplicateDeclaration = "E0101", Error,
"Two declarations of the same kind have the same name.

Names identify declarations for cross-references (`data cv, contact`), so each name may be
declared once per kind. Rename one of them, or merge the two.";

    UndefinedName = "E0102", Error,
"A name is used but never declared.

References such as `data cv`, `subjects candidates` or `recipients metis` must name a
declaration of that kind in the same file (`data cv { ... }`). Check the spelling, or add the
declaration.";

    DuplicateItem = "E0103", Error,
"The same item is given twice in one block.

Items such as `title`, `basis` or `keep` are given once per block; list several values with
commas instead (`basis consent, contract`). Items that may repeat (`measure`) are documented
as such.";

    MissingItem = "E0104", Error,
"A block lacks an item it must have.

For example every purpose needs a `title` and a `basis`, every data category a `name`, and
every retention rule a `keep`. The help line shows how to write the missing item.";

    UnknownWord = "E0105", Error,
"A word is not one of the values this item accepts.

Items like `basis`, `kind`, `role`, `transfer` or `then` take a fixed word from a list, so
that the compiler knows the legal meaning. The help line lists the accepted words.";

    MissingTranslation = "E0106", Error,
"A text lacks one of the policy's declared languages.

The policy header declares its languages (`languages da, sv`); every human-readable text must
exist in each of them, because a notice is generated per language. Add the missing
translation after the existing one:

    title da \"Rekruttering\" sv \"Rekrytering\"";

    UndeclaredLanguage = "E0107", Error,
"A text is written in a language the policy does not declare, or policyc does not support.

policyc writes notices in Danish (`da`) and Swedish (`sv`). Declare the language in the
policy header (`languages da, sv`) or remove the text.";

    PolicyHeader = "E0108", Error,
"The file has no `policy` header, or more than one.

Every policy file starts with one header that names the policy, its languages and its
jurisdiction:

    policy jobconnection {
      languages da
      jurisdiction DK
    }";

    DuplicateLanguage = "E0109", Error,
"The same language is given twice in one text or in the `languages` list.

Give each language once.";

    SingletonTwice = "E0110", Error,
"A block that a policy has once is given twice.

A policy has one `controller`, one `security` and one `rights` block. Merge the two.";

    ReservedName = "E0111", Error,
"A declaration uses a name that policyc reserves.

`person` is the built-in source for data collected from the person themselves, and the
standard events (`last-contact`, `end-of-course`, ...) are built in. Choose another name.";

    Internal = "E0900", Error,
"The compiler reached a state it does not expect. This is a bug in policyc, not in your
policy: please report it together with the policy file.";
}
