//! Positions for JavaScript: the library counts bytes, JavaScript strings count UTF-16 code
//! units, so every span is given both ways.

use serde::Serialize;

/// A point in the text: 1-based line, 1-based column in UTF-16 code units (what an editor in
/// the browser counts), and the offset from the start in bytes and in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    pub line: usize,
    pub column: usize,
    pub byte: usize,
    pub utf16: usize,
}

/// Where the lines of a text start, in bytes and in UTF-16 code units, computed once so that
/// locating a point costs one binary search and one line.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    utf16_starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut utf16_starts = Vec::with_capacity(starts.len());
        let mut utf16 = 0;
        for (i, &start) in starts.iter().enumerate() {
            utf16_starts.push(utf16);
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            utf16 += text[start..end].encode_utf16().count();
        }
        Lines { text, starts, utf16_starts }
    }

    /// The point at byte `offset`; an offset past the end or inside a character is moved back
    /// to the nearest character boundary.
    pub fn point(&self, offset: usize) -> Point {
        let mut byte = offset.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= byte);
        let start = self.starts[line - 1];
        let column = self.text[start..byte].encode_utf16().count();
        Point { line, column: column + 1, byte, utf16: self.utf16_starts[line - 1] + column }
    }
}

#[cfg(test)]
mod tests {
    use super::{Lines, Point};

    #[test]
    fn columns_count_utf16_code_units_and_offsets_count_both() {
        // æ is one UTF-16 unit of two bytes; 😀 two units of four bytes.
        let text = "ab\næ😀x\n";
        let lines = Lines::new(text);
        assert_eq!(lines.point(0), Point { line: 1, column: 1, byte: 0, utf16: 0 });
        assert_eq!(lines.point(3), Point { line: 2, column: 1, byte: 3, utf16: 3 });
        let x = text.find('x').expect("x");
        assert_eq!(lines.point(x), Point { line: 2, column: 4, byte: 9, utf16: 6 });
        assert_eq!(&text.encode_utf16().collect::<Vec<_>>()[6..7], &['x' as u16]);
        assert_eq!(lines.point(x - 1).byte, 5, "inside 😀 moves back to its start");
        assert_eq!(lines.point(99), Point { line: 3, column: 1, byte: 11, utf16: 8 }, "past the end clamps");
    }
}
