//! Human-readable renderings: evaluation tables and the required schedule.

pub mod forms;
#[cfg(feature = "reports")]
#[cfg_attr(docsrs, doc(cfg(feature = "reports")))]
pub mod html;
pub mod labels;
pub mod markdown;
pub mod schedule;
#[cfg(feature = "reports")]
#[cfg_attr(docsrs, doc(cfg(feature = "reports")))]
pub mod svg;
#[cfg(feature = "reports")]
pub mod table;
pub mod target_text;
#[cfg(feature = "reports")]
pub mod ticks;
