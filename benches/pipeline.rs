//! Benchmarks of every stage on the five policies and on synthetic policies of 1x, 10x and 100x
//! size, with the fair comparison: the same facts as YAML, deserialised into the same model.
//! Run with `cargo bench`; docs/performance.md has the numbers and how to read them.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use policyc::emit::{Options, machine_readable, model_yaml, notices};
use policyc::span::SourceFile;

#[path = "../examples/synth/generate.rs"]
mod generate;

fn example_policies() -> Vec<SourceFile> {
    let mut paths: Vec<_> = std::fs::read_dir("policies")
        .expect("run from the repository root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile::new(p.display().to_string(), std::fs::read_to_string(&p).expect("read policy")))
        .collect()
}

/// Every stage on each of the five policies.
fn stages(c: &mut Criterion) {
    let mut group = c.benchmark_group("policies");
    for file in example_policies() {
        let id = file.name.trim_start_matches("policies/").trim_end_matches(".policy").to_string();
        let ast = policyc::syntax::parse(&file).expect("parses");
        let model = policyc::resolve::resolve(&ast).expect("resolves");
        group.throughput(Throughput::Bytes(file.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", &id), &file, |b, f| {
            b.iter(|| policyc::syntax::parse(black_box(f)))
        });
        group.bench_with_input(BenchmarkId::new("resolve", &id), &ast, |b, a| {
            b.iter(|| policyc::resolve::resolve(black_box(a)))
        });
        group.bench_with_input(BenchmarkId::new("rules", &id), &model, |b, m| {
            b.iter(|| policyc::check::check(black_box(m)))
        });
        group.bench_with_input(BenchmarkId::new("check", &id), &file, |b, f| b.iter(|| policyc::compile(black_box(f))));
        let options = Options::default();
        group.bench_with_input(BenchmarkId::new("notices", &id), &model, |b, m| {
            b.iter(|| notices(black_box(m), "bench.policy", &options))
        });
        group.bench_with_input(BenchmarkId::new("machine-readable", &id), &model, |b, m| {
            b.iter(|| machine_readable(black_box(m), &file))
        });
        group.bench_with_input(BenchmarkId::new("fmt", &id), &file, |b, f| {
            b.iter(|| policyc::format::format(black_box(f)))
        });
    }
    group.finish();
}

/// `check` on synthetic policies of growing size, beside deserialising the same model from
/// YAML; throughput is per byte of the input each side reads.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for (label, purposes) in [("1x", 100usize), ("10x", 1_000), ("100x", 10_000)] {
        let file = SourceFile::new("synthetic.policy", generate::policy(purposes));
        let model = policyc::compile(&file).policy.expect("the synthetic policy compiles");
        let yaml = model_yaml(&model, &file).contents;
        group.throughput(Throughput::Bytes(file.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", label), &file, |b, f| {
            b.iter(|| policyc::syntax::parse(black_box(f)))
        });
        group.bench_with_input(BenchmarkId::new("check", label), &file, |b, f| {
            b.iter(|| policyc::compile(black_box(f)))
        });
        group.throughput(Throughput::Bytes(yaml.len() as u64));
        group.bench_with_input(BenchmarkId::new("yaml-model", label), &yaml, |b, y| {
            b.iter(|| policyc::model::from_yaml(black_box(y)))
        });
    }
    group.finish();
}

criterion_group!(benches, stages, scaling);
criterion_main!(benches);
