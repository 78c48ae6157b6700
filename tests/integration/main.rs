//! The integration test harness: one binary, one module per area.

mod consumers_xml;
mod util;
