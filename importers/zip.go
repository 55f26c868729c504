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

// readZip reads the roster files of an archive held in memory. Nothing is ever written to disk,
// yet entry names are still checked: a name that climbs out of the archive ("../../etc/passwd")
// or is absolute marks a crafted file, and the import says so rather than guessing. Sizes are
// counted on the bytes actually inflated, not on the headers, which a zip bomb lies in.
func (ld *loader) readZip(name string, raw []byte) []*roster.File {
	errs, lim := ld.errs, ld.lim
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		errs.Add(&table.RowError{File: name, Rule: table.RuleBadZip, Expected: "zip"})
		return nil
	}
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
		if zf.UncompressedSize64 > uint64(limit) { // an honest header lets us refuse before inflating
			errs.Add(&table.RowError{File: display, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
			return files
		}
		data, err := inflate(zf, limit)
		switch {
		case err == errTooLarge:
			errs.Add(&table.RowError{File: display, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
			return files
		case err != nil:
			errs.Add(&table.RowError{File: display, Rule: table.RuleBadZip, Expected: "zip"})
			continue
		}
		total += int64(len(data))
		ld.read += int64(len(data))
		files = append(files, &roster.File{Name: display, Raw: data})
	}
	return files
}

type sizeError struct{}

func (sizeError) Error() string { return "archive entry too large" }

var errTooLarge error = sizeError{}

// inflate reads one entry, refusing to go past limit bytes.
func inflate(zf *zip.File, limit int64) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// Sized from the header when it is within the limit, so a big entry is not copied over and
	// over as a buffer grows; a lying header only costs the growth it would have cost anyway.
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(zf.UncompressedSize64), limit)+1))
	if _, err := buf.ReadFrom(io.LimitReader(rc, limit+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
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
