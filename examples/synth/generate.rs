//! The synthetic policy generator, shared by `examples/synth` and the benchmarks.

use std::fmt::Write;

/// A policy with `n` purposes; every part grows in proportion, so time should grow linearly.
pub fn policy(n: usize) -> String {
    let n = n.max(1);
    let groups = (n / 10).max(1);
    let data = (n / 2).max(3);
    let sources = (n / 10).max(1);
    let recipients = (n / 5).max(1);
    let mut s = String::with_capacity(n * 1500);
    let _ = write!(
        s,
        "// A synthetic policy with {n} purposes, generated for benchmarks.\n\npolicy synthetic {{\n  title da \"Privatlivspolitik\" sv \"Integritetspolicy\"\n  languages da, sv\n  jurisdiction DK\n  effective 2025-01-01\n}}\n\ncontroller {{\n  name \"Syntetisk ApS\"\n  registration \"12345678\"\n  address \"Eksempelvej 1, 8000 Aarhus C\"\n  email \"privacy@example.dk\"\n  financial-year starts 1 July\n}}\n"
    );
    for g in 0..groups {
        let _ = write!(
            s,
            "\ngroup group-{g} {{\n  name da \"Gruppe {g}\" sv \"Grupp {g}\"\n  description da \"Personer i gruppe {g}, som vi behandler oplysninger om.\"\n    sv \"Personer i grupp {g} som vi behandlar uppgifter om.\"\n}}\n"
        );
    }
    for d in 0..data {
        let kind = if d % 7 == 3 { "  kind special health\n" } else { "" };
        let _ = write!(
            s,
            "\ndata data-{d} {{\n  name da \"Oplysning {d}\" sv \"Uppgift {d}\"\n{kind}  examples da \"navn, adresse og andre kontaktoplysninger nummer {d}\"\n    sv \"namn, adress och andra kontaktuppgifter nummer {d}\"\n}}\n"
        );
    }
    for src in 0..sources {
        let _ = write!(
            s,
            "\nsource source-{src} {{\n  name da \"Kilde {src}\" sv \"Källa {src}\"\n  publicly-accessible no\n}}\n"
        );
    }
    for r in 0..recipients {
        let _ = write!(
            s,
            "\nrecipient recipient-{r} {{\n  name \"Leverandør {r} A/S\"\n  role processor\n  country DK\n}}\n"
        );
    }
    // A purpose is special (on consent) when one of its three data is; a category only such
    // purposes use is kept until consent is withdrawn (W0236).
    let uses = |p: usize| [p % data, (p + 1) % data, (p + 2) % data];
    let special_purpose = |p: usize| uses(p).iter().any(|d| d % 7 == 3);
    let mut by_contract = vec![false; data];
    for p in (0..n).filter(|&p| !special_purpose(p)) {
        for d in uses(p) {
            by_contract[d] = true;
        }
    }
    for p in 0..n {
        let g = p % groups;
        let (d1, d2, d3) = (p % data, (p + 1) % data, (p + 2) % data);
        let special = [d1, d2, d3].iter().any(|d| d % 7 == 3);
        let art9 = if special { "  art9 explicit-consent\n" } else { "" };
        let basis = if special { "consent" } else { "contract, legitimate-interests" };
        // Art. 13(2)(e): a contract purpose says whether the data must be given (W0252).
        let provision = if special {
            ""
        } else {
            "  provision contractual\n  consequence da \"Uden dem kan vi ikke levere ydelsen.\" sv \"Utan dem kan vi inte leverera tjänsten.\"\n"
        };
        let interest = if special {
            String::new()
        } else {
            format!(
                "  legitimate-interest da \"At kunne levere ydelse {p} effektivt.\"\n    sv \"Att kunna leverera tjänst {p} effektivt.\"\n"
            )
        };
        let _ = write!(
            s,
            "\npurpose purpose-{p} {{\n  title da \"Formål {p}\" sv \"Ändamål {p}\"\n  description da \"Vi behandler dine oplysninger for at kunne levere ydelse {p} til dig og\n    for at kunne kontakte dig om den.\"\n    sv \"Vi behandlar dina uppgifter för att kunna leverera tjänst {p} till dig och\n    för att kunna kontakta dig om den.\"\n  subjects group-{g}\n  data data-{d1}, data-{d2}, data-{d3}\n  sources person, source-{}\n  basis {basis}\n{provision}{interest}{art9}  recipients recipient-{}\n}}\n",
            p % sources,
            p % recipients
        );
    }
    for (d, contract) in by_contract.iter().enumerate() {
        let _ = write!(
            s,
            "\nretention keep-{d} {{\n  data data-{d}\n  keep {}\n  then delete\n}}\n",
            if *contract {
                format!("{} months after last-contact", 6 + d % 30)
            } else {
                "until consent-withdrawn".to_string()
            }
        );
    }
    let _ = write!(s, "\nrights {{\n  email \"privacy@example.dk\"\n  respond within 1 month\n}}\n");
    s
}
