//! Criterion benchmarks of the lexicon matcher (`cargo bench --bench lexicon`):
//!
//! - `lexicon/prose`: the sample notes, scanned again and again with one scratch, so
//!   that every word is already in its word cache: what this measures is the cost of a
//!   word's lookup in that cache (the map that decided `WordMap` against `HashMap`
//!   with foldhash, see BENCHMARKS.md);
//! - `lexicon/build`: the built-in lexicon's matcher, compiled once per process;
//! - `shapes`: adversarial inputs at 1, 2, 4 and 8 MB (one huge word, one huge line
//!   of an ambiguous name in prose, one huge line dense with names): the throughput
//!   criterion reports per size must stay flat, i.e. time linear in the size.

// criterion_main! generates an undocumented `main`.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use talkgraph::extract::text::{Body, Patterns};
use talkgraph::extract::{Lexicon, Scratch};

const SAMPLE: &str = include_str!("../notes/europython-2023-day1.md");

/// Mentions and near misses in `text` (read with `pats`, built once as a run does), what was learnt of its words kept in `scratch`.
fn scan(lex: &Lexicon, pats: &Patterns, scratch: &mut Scratch, text: &str) -> usize {
    let (mut out, mut near) = (Vec::new(), Vec::new());
    lex.scan(&Body::new(text, 1, pats), scratch, &mut out, &mut near);
    out.len() + near.len()
}

fn prose(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let pats = Patterns::new();
    let mut scratch = Scratch::default();
    let mut g = c.benchmark_group("lexicon");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("prose (sample notes, warm word cache)", |b| {
        b.iter(|| black_box(scan(lex, &pats, &mut scratch, black_box(SAMPLE))))
    });
    g.finish();
    let mut text = String::new();
    for f in std::fs::read_dir("data/lexicon").into_iter().flatten().flatten() {
        text.push_str(&std::fs::read_to_string(f.path()).unwrap_or_default());
    }
    c.bench_function("lexicon/build (parse the built-in sources, compile their matcher)", |b| {
        b.iter(|| {
            let l = Lexicon::from_toml(black_box(&text), "data/lexicon").expect("valid");
            black_box(scan(&l, &pats, &mut Scratch::default(), "x"))
        })
    });
}

/// `unit` repeated to about `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn shapes(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let pats = Patterns::new();
    let mut scratch = Scratch::default();
    let mut g = c.benchmark_group("shapes");
    g.sample_size(10);
    for mb in [1, 2, 4, 8] {
        let bytes = mb * 1_000_000;
        let inputs = [
            ("one huge word", repeat("abcdefghij", bytes)),
            ("one huge line, ambiguous name", repeat("black coffee. ", bytes)),
            ("one huge line dense with names", repeat("We use Django and Flask with pytest, black, numpy. ", bytes)),
        ];
        for (name, text) in &inputs {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(*name, format!("{mb} MB")), text, |b, t| {
                b.iter(|| black_box(scan(lex, &pats, &mut scratch, black_box(t))))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, prose, shapes);
criterion_main!(benches);
