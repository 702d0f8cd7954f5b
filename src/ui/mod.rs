//! Terminal drawings that are more than a table. Pure functions of data: no SQL here.

pub mod map;
