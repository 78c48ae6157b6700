//! The integration test harness: one binary (`autotests = false`), one module per area.
//! Each test drives the `talkgraph` binary with assert_cmd in a scratch folder.

mod cli;
mod consumers;
mod consumers_xml;
mod golden;
mod outline;
mod props;
mod robust;
mod score;
mod styles;
mod util;
