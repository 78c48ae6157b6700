//! Criterion benchmarks (`cargo bench`): each stage on the sample notes, and each
//! exporter on the graph of 40 copies of them. Whole-corpus figures against the
//! Python pipeline and ripgrep are in BENCHMARKS.md (`bench/compare.sh`).

// criterion_main! generates an undocumented `main`.
#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use talkgraph::export::{ExportOptions, Format};
use talkgraph::extract::{Extractor, Knowledge};
use talkgraph::graph::{GraphBuilder, KnowledgeGraph};
use talkgraph::notes::{analyse, Detector, Note};

const SAMPLE: &str = include_str!("../notes/europython-2023-day1.md");

fn note(i: usize) -> Note {
    Note {
        file: Arc::from(format!("notes/day{i}.md")),
        key: Arc::from(format!("day{i}")),
        text: SAMPLE.to_string(),
        markup: talkgraph::notes::document::Markup::Markdown,
    }
}

fn graph(knowledge: &Knowledge, copies: usize) -> KnowledgeGraph {
    let extractor = Extractor::new(knowledge);
    let mut b = GraphBuilder::new(knowledge);
    let detector = Detector::new();
    for i in 0..copies {
        let n = note(i);
        b.add(&extractor.extract(&analyse(&n, &detector)));
    }
    b.finish()
}

fn recognisers(c: &mut Criterion) {
    let knowledge = Knowledge::builtin();
    let extractor = Extractor::new(&knowledge);
    let n = note(0);
    let mut g = c.benchmark_group("recognise");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    let detector = Detector::new();
    g.bench_function("segment", |b| b.iter(|| black_box(analyse(black_box(&n), &detector).sections.len())));
    let doc = analyse(&n, &detector);
    g.bench_function("extract (lexicon, typos, signals, speakers, PEPs, versions)", |b| {
        b.iter(|| black_box(extractor.extract(black_box(&doc)).talks.len()))
    });
    g.bench_function("graph (40 notes)", |b| b.iter(|| black_box(graph(&knowledge, 40).edge_count())));
    g.finish();
    c.bench_function("start-up: built-in lexicon and PEP catalogue", |b| b.iter(|| black_box(Knowledge::builtin())));
}

fn exporters(c: &mut Criterion) {
    let knowledge = Knowledge::builtin();
    let g = graph(&knowledge, 40);
    let opts = ExportOptions::default();
    let mut group = c.benchmark_group("export (40 notes)");
    for format in Format::ALL {
        for file in format.files(&opts) {
            if format == Format::Mermaid {
                continue; // refuses graphs over 500 edges, as Mermaid does
            }
            group.bench_function(format!("{format} {file}"), |b| {
                let mut out = Vec::with_capacity(1 << 20);
                b.iter(|| {
                    out.clear();
                    format.write(file, &g, &opts, &mut out).expect("writes");
                    black_box(out.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, recognisers, exporters);
criterion_main!(benches);
