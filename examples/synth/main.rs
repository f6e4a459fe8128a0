//! A synthetic policy of any size, for benchmarks: `cargo run --release --example synth --
//! --purposes N` prints a valid policy with N purposes and proportionate data categories,
//! subject groups, sources, recipients, retention rules and texts in Danish and Swedish.

mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut purposes = 10usize;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--purposes" => purposes = args.next().and_then(|n| n.parse().ok()).unwrap_or(purposes),
            other => {
                eprintln!("usage: synth --purposes N (unknown argument `{other}`)");
                std::process::exit(2);
            }
        }
    }
    print!("{}", generate::policy(purposes));
}
