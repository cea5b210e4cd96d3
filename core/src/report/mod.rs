//! Human-readable renderings: evaluation tables and the required schedule.

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
#[cfg(feature = "reports")]
pub mod ticks;
