//! Opening a zip archive (`.xlsx`, `.ods`) with every part's inflated size checked first.

use std::io::{Read, Seek};

use super::limits::{MAX_PARTS, MAX_PART_BYTES, MAX_TOTAL_BYTES};
use super::sheet::LoadError;
use super::sniff::Format;

/// Inflates every part of the archive into nothing, counting bytes, before calamine
/// loads anything: a zip bomb (a small file whose sheet inflates to gigabytes) is refused
/// after at most [`MAX_PART_BYTES`] of work and with constant memory. Declared sizes are
/// checked too, but not trusted: they can lie.
pub fn open_checked_archive<R: Read + Seek>(
    source: &mut R,
    format: Format,
) -> Result<zip::ZipArchive<&mut R>, LoadError> {
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
        let inflated = std::io::copy(
            &mut (&mut part).take(MAX_PART_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|err| fail(format!("the part {name} is corrupt: {err}")))?;
        if inflated > MAX_PART_BYTES {
            return Err(too_big(inflated));
        }
        total += inflated;
        if total > MAX_TOTAL_BYTES {
            return Err(too_big(total));
        }
    }
    Ok(archive)
}
