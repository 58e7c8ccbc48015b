"""Reads a workbook with openpyxl the way a vendor's own script would: every cell of every
row, merged cells resolved to their top-left value. Prints the median milliseconds.

Usage: python3 scripts/openpyxl_read.py FILE REPEAT
"""
import statistics
import sys
import time

import openpyxl


def read(path):
    workbook = openpyxl.load_workbook(path)  # not read-only: merged cells need the full model
    rows = 0
    for sheet in workbook.worksheets:
        origin = {}
        for merged in sheet.merged_cells.ranges:
            top_left = sheet.cell(merged.min_row, merged.min_col).value
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    origin[(row, col)] = top_left
        for row in sheet.iter_rows():
            values = [origin.get((c.row, c.column), c.value) for c in row]
            rows += any(v is not None for v in values)
    return rows


def main():
    path, repeat = sys.argv[1], int(sys.argv[2])
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read(path)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(times):.2f}")


if __name__ == "__main__":
    main()
