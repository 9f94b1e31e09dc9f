//! A long, time-bounded fuzz run of every importer: FtM streams, Aleph diagrams, GEXF,
//! GraphML and the two spreadsheets, made from the fixtures and from the sample written in
//! each format, damaged in the ways files get damaged. No reader may panic, and whatever a
//! reader accepts must hold together as a case. Run with
//! `CASEGRAPH_FUZZ_SECONDS=60 cargo test --test fuzz_exchange -- --ignored --nocapture`;
//! it prints how many inputs each reader was given.

#[path = "common/mutate.rs"]
mod mutate;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use casegraph::exchange::{
    Imported, case_to_csv, case_to_ftm, case_to_gexf, case_to_graphml, read_aleph_diagram, read_csv_sheets,
    read_ftm_stream, read_gexf, read_graphml,
};
use casegraph::model::errors_as_read;
use casegraph::seeded_random::SplitMix64;

/// Bits of JSON, XML and CSV a mutation may drop in.
const TOKENS: [&str; 20] = [
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ";",
    "\n",
    "\r\n",
    "<",
    ">",
    "</node>",
    "<node id=\"x\">",
    "&amp;",
    "&#0;",
    "&bogus;",
    "\"properties\"",
    "\u{feff}",
    "\u{0}",
    "<![CDATA[",
];

/// Panics unless what was imported holds together as a case file: whatever a reader accepts
/// must open, and join the open case, without an error.
fn holds_together(imported: Option<Imported>) {
    if let Some(imported) = imported {
        let errors = errors_as_read(&imported.case);
        assert!(errors.is_empty(), "{}", errors[0].message);
    }
}

/// One reader and the files it is fed.
struct Target {
    name: &'static str,
    corpus: Vec<Vec<u8>>,
    read: fn(&[u8]),
}

fn targets() -> Vec<Target> {
    let case = casegraph::sample::load_sample().case.expect("the sample");
    let fixture = |name: &str| std::fs::read(format!("tests/fixtures/exchange/{name}")).expect("fixture");
    let (entities, links) = case_to_csv(&case);
    vec![
        Target {
            name: "ftm",
            corpus: vec![case_to_ftm(&case).into_bytes(), fixture("written-by-followthemoney.ftm")],
            read: |bytes| holds_together(read_ftm_stream(bytes, "fuzz.ftm").ok()),
        },
        Target {
            name: "aleph",
            corpus: vec![fixture("aleph-diagram.vis")],
            read: |bytes| holds_together(read_aleph_diagram(bytes, "fuzz.vis").ok()),
        },
        Target {
            name: "gexf",
            corpus: vec![case_to_gexf(&case).into_bytes(), fixture("written-by-networkx.gexf")],
            read: |bytes| holds_together(read_gexf(bytes, "fuzz.gexf").ok()),
        },
        Target {
            name: "graphml",
            corpus: vec![case_to_graphml(&case).into_bytes(), fixture("written-by-networkx.graphml")],
            read: |bytes| holds_together(read_graphml(bytes, "fuzz.graphml").ok()),
        },
        Target {
            name: "csv",
            corpus: vec![entities.into_bytes(), links.into_bytes()],
            // Half the input is the entities sheet, half the links sheet.
            read: |bytes| {
                let (entities, links) = bytes.split_at(bytes.len() / 2);
                holds_together(read_csv_sheets(entities, Some(links), "fuzz").ok().map(|sheets| sheets.imported));
            },
        },
    ]
}

#[test]
#[ignore = "a long run; CI runs it with a time limit"]
fn damaged_files_never_panic_an_importer() {
    let seconds: u64 = std::env::var("CASEGRAPH_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let targets = targets();
    let mut random = SplitMix64::new(20_080_101);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut executions = vec![0u64; targets.len()];
    let mut crashes: Vec<(&str, Vec<u8>)> = Vec::new();
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let which = random.below(targets.len());
        let target = &targets[which];
        let input = &target.corpus[random.below(target.corpus.len())];
        let damaged = mutate::mutate(input, &target.corpus, &TOKENS, &mut random);
        if catch_unwind(AssertUnwindSafe(|| (target.read)(&damaged))).is_err() && crashes.len() < 5 {
            crashes.push((target.name, damaged));
        }
        executions[which] += 1;
    }
    drop(std::panic::take_hook());
    let counts: Vec<String> =
        targets.iter().zip(&executions).map(|(target, count)| format!("{} {count}", target.name)).collect();
    println!("importer fuzz in {seconds} s: {}; {} crashes", counts.join(", "), crashes.len());
    for (index, (name, crash)) in crashes.iter().enumerate() {
        let path = std::env::temp_dir().join(format!("casegraph-fuzz-crash-{index}.{name}"));
        match std::fs::write(&path, crash) {
            Ok(()) => println!("  crashing {name} input written to {}", path.display()),
            Err(error) => println!("  crashing {name} input not written to {}: {error}", path.display()),
        }
    }
    assert!(crashes.is_empty(), "an importer panicked on {} inputs", crashes.len());
}
