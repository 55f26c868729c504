package importers

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strconv"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// readZip lists the roster files of an archive, which stays open for the import: each entry is
// inflated again whenever a reading needs it, never held (a workbook excepted, which its reader
// needs to seek in). Nothing is ever written to disk, yet entry names are still checked: a name
// that climbs out of the archive ("../../etc/passwd") or is absolute marks a crafted file, and
// the import says so rather than guessing. Sizes are the headers', which archive/zip holds the
// inflated bytes to (an entry that inflates past its header is an error, not more bytes).
func (ld *loader) readZip(name string, zr *zip.Reader) []*roster.File {
	errs, lim := ld.errs, ld.lim
	if len(zr.File) > lim.entries {
		errs.Add(&table.RowError{File: name, Rule: table.RuleTooLarge, Expected: strconv.Itoa(lim.entries) + " files"})
		return nil
	}
	var files []*roster.File
	total := int64(0)
	for _, zf := range zr.File {
		entry := zf.Name
		if unsafeEntry(entry) {
			errs.Add(&table.RowError{File: name, Value: entry, Rule: table.RuleUnsafePath})
			continue
		}
		display := name + "/" + entry
		if zf.FileInfo().IsDir() || junkEntry(entry) {
			continue
		}
		if !readableExt[strings.ToLower(path.Ext(entry))] {
			ld.skip(display, readableKinds)
			continue
		}
		limit := min(lim.file, lim.archive-total, lim.total-ld.read)
		if strings.EqualFold(path.Ext(entry), ".xlsx") {
			limit = min(limit, MaxHeldWorkbook)
		}
		if zf.UncompressedSize64 > uint64(limit) {
			errs.Add(&table.RowError{File: display, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
			return files
		}
		f, err := ld.entry(display, zf, limit)
		if err != nil {
			errs.Add(&table.RowError{File: display, Rule: table.RuleBadZip, Expected: "zip"})
			continue
		}
		total += int64(zf.UncompressedSize64)
		ld.read += int64(zf.UncompressedSize64)
		files = append(files, f)
	}
	return files
}

// entry makes the File of one archive entry. A text entry is read through once here (its
// encoding, and a corrupt entry found before any row is read); an XML entry is left to its
// reader's own first reading; a workbook is inflated into memory, within limit.
func (ld *loader) entry(display string, zf *zip.File, limit int64) (*roster.File, error) {
	ext := strings.ToLower(path.Ext(zf.Name))
	if ext == ".xlsx" {
		data, err := inflate(zf, limit)
		if err != nil {
			return nil, err
		}
		f := &roster.File{Name: display, Raw: data}
		f.SetWorkbook(true)
		return f, nil
	}
	head, err := entryHead(zf)
	if err != nil {
		return nil, err
	}
	f := roster.NewEntryFile(display, zf.Open, head)
	f.SetWorkbook(false)
	if ext == ".xml" {
		return f, nil
	}
	_, err = f.Text()
	return f, err
}

// entryHead inflates an entry's first bytes, for detection.
func entryHead(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(rc, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return head[:n], nil
}

// inflate reads one entry whole, within limit (which its header was checked against).
func inflate(zf *zip.File, limit int64) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(zf.UncompressedSize64), limit)+1))
	if _, err := buf.ReadFrom(io.LimitReader(rc, limit+1)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unsafeEntry reports names that would escape a folder they were extracted to.
func unsafeEntry(name string) bool {
	n := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') || strings.ContainsRune(n, 0) {
		return true
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

// junkEntry is what archivers add (macOS resource forks, hidden files): left out silently.
func junkEntry(name string) bool {
	return strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(path.Base(name), ".")
}
