//! The standard wording of the TILT export, per language: TILT's descriptions are text, and
//! the export does not go through the notice templates.

use crate::model::vocab::{Lang, RecipientRole, StandardEvent};

/// The word for `key` in a table of words; a test proves every table is complete.
pub fn lookup<K: PartialEq>(table: &[(K, &'static str)], key: K) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w)
}

/// The standard wording TILT's descriptions need, per language.
pub struct Words {
    pub roles: [(RecipientRole, &'static str); 5],
    pub events: [(StandardEvent, &'static str); 8],
    pub counted_from: &'static str,
    pub at_most: &'static str,
    pub until: &'static str,
    pub at_latest: &'static str,
    pub financial_year: &'static str,
    pub calendar_year: &'static str,
    pub access: &'static str,
    pub rectification: &'static str,
    pub portability: &'static str,
    pub withdraw: &'static str,
    pub complain: &'static str,
    pub applies_to: &'static str,
    pub adequacy: &'static str,
    pub scc: &'static str,
    pub bcr: &'static str,
    pub derogation: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Da => &DA,
        Lang::Sv => &SV,
    }
}

const DA: Words = Words {
    roles: [
        (RecipientRole::Processor, "Databehandler"),
        (RecipientRole::Controller, "Selvstændig dataansvarlig"),
        (RecipientRole::JointController, "Fælles dataansvarlig"),
        (RecipientRole::PublicAuthority, "Offentlig myndighed"),
        (RecipientRole::Internal, "Internt hos den dataansvarlige"),
    ],
    events: [
        (StandardEvent::Collection, "indsamlingen"),
        (StandardEvent::LastContact, "den seneste kontakt"),
        (StandardEvent::EndOfCourse, "forløbets afslutning"),
        (StandardEvent::EndOfEmployment, "ansættelsens ophør"),
        (StandardEvent::EndOfContract, "aftalens ophør"),
        (StandardEvent::EndOfRecruitment, "rekrutteringens afslutning"),
        (StandardEvent::ConsentWithdrawn, "tilbagetrækningen af samtykket"),
        (StandardEvent::Transaction, "transaktionen"),
    ],
    counted_from: "Regnet fra",
    at_most: "Højst, regnet fra",
    until: "Indtil",
    at_latest: "Senest, regnet fra",
    financial_year: "fra udgangen af regnskabsåret",
    calendar_year: "fra udgangen af kalenderåret",
    access: "Du har ret til at få indsigt i de personoplysninger, vi behandler om dig (artikel 15).",
    rectification: "Du har ret til at få urigtige oplysninger om dig berigtiget og i visse tilfælde at få dine \
        oplysninger slettet (artikel 16 og 17).",
    portability: "Du har ret til at få de oplysninger, du selv har givet os, udleveret i et struktureret, \
        almindeligt anvendt og maskinlæsbart format og til at få dem overført til en anden dataansvarlig \
        (artikel 20).",
    withdraw: "Du kan til enhver tid trække dit samtykke tilbage. Det påvirker ikke lovligheden af behandlingen, \
        før du trak det tilbage (artikel 7, stk. 3).",
    complain: "Du kan klage over vores behandling af dine personoplysninger til tilsynsmyndigheden (artikel 77).",
    applies_to: "Gælder for:",
    adequacy: "Kommissionens afgørelse om tilstrækkeligt beskyttelsesniveau (artikel 45)",
    scc: "Kommissionens standardkontraktbestemmelser (artikel 46, stk. 2, litra c)",
    bcr: "Bindende virksomhedsregler (artikel 47)",
    derogation: "Ingen; overførslen sker efter undtagelsen i artikel 49, stk. 1, litra ",
};

const SV: Words = Words {
    roles: [
        (RecipientRole::Processor, "Personuppgiftsbiträde"),
        (RecipientRole::Controller, "Självständigt personuppgiftsansvarig"),
        (RecipientRole::JointController, "Gemensamt personuppgiftsansvarig"),
        (RecipientRole::PublicAuthority, "Myndighet"),
        (RecipientRole::Internal, "Inom den personuppgiftsansvariges organisation"),
    ],
    events: [
        (StandardEvent::Collection, "insamlingen"),
        (StandardEvent::LastContact, "den senaste kontakten"),
        (StandardEvent::EndOfCourse, "kursens eller programmets slut"),
        (StandardEvent::EndOfEmployment, "anställningens slut"),
        (StandardEvent::EndOfContract, "avtalets slut"),
        (StandardEvent::EndOfRecruitment, "rekryteringens slut"),
        (StandardEvent::ConsentWithdrawn, "att samtycket återkallas"),
        (StandardEvent::Transaction, "transaktionen"),
    ],
    counted_from: "Räknat från",
    at_most: "Högst, räknat från",
    until: "Fram till",
    at_latest: "Senast, räknat från",
    financial_year: "från räkenskapsårets slut",
    calendar_year: "från kalenderårets slut",
    access: "Du har rätt att få tillgång till de personuppgifter vi behandlar om dig (artikel 15).",
    rectification: "Du har rätt att få felaktiga personuppgifter om dig rättade och i vissa fall att få dina \
        personuppgifter raderade (artiklarna 16 och 17).",
    portability: "Du har rätt att få ut de personuppgifter du själv har lämnat till oss i ett strukturerat, \
        allmänt använt och maskinläsbart format och att få dem överförda till en annan personuppgiftsansvarig \
        (artikel 20).",
    withdraw: "Du kan när som helst återkalla ditt samtycke. Det påverkar inte lagligheten av behandlingen innan \
        du återkallade det (artikel 7.3).",
    complain: "Du kan lämna klagomål på vår behandling av dina personuppgifter till tillsynsmyndigheten \
        (artikel 77).",
    applies_to: "Gäller för:",
    adequacy: "Kommissionens beslut om adekvat skyddsnivå (artikel 45)",
    scc: "Kommissionens standardavtalsklausuler (artikel 46.2 c)",
    bcr: "Bindande företagsbestämmelser (artikel 47)",
    derogation: "Inga; överföringen sker enligt undantaget i artikel 49.1 ",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::Vocabulary;

    #[test]
    fn every_role_and_event_has_a_word_in_every_language() {
        for lang in Lang::ALL {
            let w = words(*lang);
            assert!(RecipientRole::ALL.iter().all(|r| !lookup(&w.roles, *r).is_empty()), "{lang:?}");
            assert!(StandardEvent::ALL.iter().all(|e| !lookup(&w.events, *e).is_empty()), "{lang:?}");
        }
    }
}
