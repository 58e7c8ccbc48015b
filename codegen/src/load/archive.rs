//! Opening a zip archive (`.xlsx`, `.ods`) with every part's inflated size checked first.

use std::io::{Read, Seek, Write};

use std::collections::HashMap;

use super::limits::{MAX_PARTS, MAX_PART_BYTES, MAX_TOTAL_BYTES};
use super::sheet::LoadError;
use super::sniff::Format;

/// The XML parts the check inflated and kept, by name, so that the reader's own pass does
/// not inflate them again; at most [`KEPT_BYTES`] in all (beyond that, parts are read
/// from the archive again, and memory stays bounded).
#[derive(Debug, Default)]
pub struct Inflated {
    parts: HashMap<String, Vec<u8>>,
}

/// The most bytes of inflated parts [`Inflated`] keeps.
pub const KEPT_BYTES: usize = 16 << 20;

impl Inflated {
    /// A kept part by its name in the archive, taken out.
    pub fn take(&mut self, name: &str) -> Option<Vec<u8>> {
        self.parts.remove(name)
    }

    /// The archive written again with each kept part stored as it is (not deflated) and
    /// every other part copied as it was, so that calamine reads the parts without
    /// inflating them a second time; `None` when it cannot be written again (a name given
    /// twice, a part that cannot be copied), and calamine reads the original.
    pub fn stored_archive<R: Read + Seek>(
        &self,
        archive: &mut zip::ZipArchive<R>,
    ) -> Option<Vec<u8>> {
        let kept: usize = self.parts.values().map(Vec::len).sum();
        // Each part's headers take a hundred bytes or so besides its name.
        let capacity = kept + archive.len() * 256;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(capacity)));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for index in 0..archive.len() {
            let part = archive.by_index_raw(index).ok()?;
            let name = part.name().ok()?.into_owned();
            match self.parts.get(&name) {
                Some(bytes) => {
                    drop(part);
                    writer.start_file(name, stored).ok()?;
                    writer.write_all(bytes).ok()?;
                }
                None => writer.raw_copy_file(part).ok()?,
            }
        }
        writer.finish().ok().map(std::io::Cursor::into_inner)
    }
}

/// A sink that keeps what is written while it fits in `room` bytes, and only counts
/// beyond (dropping what it kept): memory stays bounded whatever a part inflates to.
struct KeepUpTo {
    bytes: Vec<u8>,
    room: usize,
    overflowed: bool,
}

impl KeepUpTo {
    /// `declared` is the part's declared size: room is made for it when it fits (it can
    /// lie; the buffer never grows past `room`).
    fn new(room: usize, declared: u64) -> KeepUpTo {
        let capacity = usize::try_from(declared).map_or(0, |d| if d <= room { d } else { 0 });
        KeepUpTo {
            bytes: Vec::with_capacity(capacity),
            room,
            overflowed: room == 0,
        }
    }

    fn kept(self) -> Option<Vec<u8>> {
        (!self.overflowed).then_some(self.bytes)
    }
}

impl std::io::Write for KeepUpTo {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.overflowed {
            if self.bytes.len() + buf.len() <= self.room {
                self.bytes.extend_from_slice(buf);
            } else {
                self.overflowed = true;
                self.bytes = Vec::new();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether the reader's own pass reads a part: the workbook's XML and relationships (not
/// images, printer settings or embedded objects).
fn is_read_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels")
}

/// Inflates every part of the archive, counting bytes, before calamine loads anything: a
/// zip bomb (a small file whose sheet inflates to gigabytes) is refused after at most
/// [`MAX_PART_BYTES`] of work and with bounded memory. Declared sizes are checked too, but
/// not trusted: they can lie. The XML parts are kept ([`Inflated`]) for the reader's pass.
pub fn open_checked_archive<R: Read + Seek>(
    source: &mut R,
    format: Format,
) -> Result<(zip::ZipArchive<&mut R>, Inflated), LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let unreadable = match format {
        Format::Ods => "not a readable OpenDocument spreadsheet (.ods)",
        _ => "not a readable Excel workbook (.xlsx)",
    };
    let mut archive =
        zip::ZipArchive::new(&mut *source).map_err(|err| fail(format!("{unreadable}: {err}")))?;
    if archive.len() > MAX_PARTS {
        return Err(fail(format!(
            "the archive has {} parts; a workbook has a few dozen (at most {MAX_PARTS} accepted)",
            archive.len()
        )));
    }
    let mut total = 0u64;
    let mut kept = Inflated::default();
    let mut kept_bytes = 0usize;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|err| fail(format!("{unreadable}: {err}")))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let too_big = |size: u64| {
            fail(format!(
                "the part {name} inflates to {size} bytes or more; refused as a zip bomb \
                 (at most {MAX_PART_BYTES} bytes a part, {MAX_TOTAL_BYTES} in all)"
            ))
        };
        if part.size() > MAX_PART_BYTES {
            return Err(too_big(part.size()));
        }
        let room = if is_read_part(&name) {
            KEPT_BYTES - kept_bytes
        } else {
            0
        };
        let mut keeper = KeepUpTo::new(room, part.size());
        let inflated = std::io::copy(&mut (&mut part).take(MAX_PART_BYTES + 1), &mut keeper)
            .map_err(|err| fail(format!("the part {name} is corrupt: {err}")))?;
        if let Some(bytes) = keeper.kept() {
            kept_bytes += bytes.len();
            kept.parts.insert(name.clone(), bytes);
        }
        if inflated > MAX_PART_BYTES {
            return Err(too_big(inflated));
        }
        total += inflated;
        if total > MAX_TOTAL_BYTES {
            return Err(too_big(total));
        }
    }
    Ok((archive, kept))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn archive_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            writer.start_file(*name, deflated).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn the_archive_written_again_holds_the_same_parts_the_xml_stored() {
        let xml = "<sheetData>".repeat(500) + "一覧";
        let picture = vec![7u8; 3000];
        let bytes = archive_of(&[
            ("xl/worksheets/sheet1.xml", xml.as_bytes()),
            ("xl/media/image1.png", &picture),
        ]);
        let mut source = Cursor::new(bytes);
        let (mut archive, inflated) = open_checked_archive(&mut source, Format::Xlsx).unwrap();
        let stored = inflated
            .stored_archive(&mut archive)
            .expect("written again");
        let mut again = zip::ZipArchive::new(Cursor::new(stored)).unwrap();
        let mut read = |name: &str| {
            let mut part = again.by_name(name).unwrap();
            let method = part.compression();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (method, bytes)
        };
        assert_eq!(
            read("xl/worksheets/sheet1.xml"),
            (zip::CompressionMethod::Stored, xml.into_bytes())
        );
        // Not kept by the check: copied as it was, still deflated.
        assert_eq!(
            read("xl/media/image1.png"),
            (zip::CompressionMethod::Deflated, picture)
        );
    }
}
