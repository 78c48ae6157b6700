//! The integration test harness: one binary (`autotests = false`), one module per area.
//! Each test drives the `talkgraph` binary with assert_cmd in a scratch folder.

mod ask;
mod cli;
mod consumers;
mod consumers_xml;
mod golden;
mod infer;
mod layers;
mod lexicon;
mod markups;
mod ordinary;
mod outline;
mod outputs;
mod props;
mod readme;
mod report;
mod robust;
mod score;
mod shapes;
mod styles;
mod util;
mod viewer;
