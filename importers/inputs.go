package importers

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// Size limits. Every file is read whole (a school's roster is megabytes, not gigabytes), so these
// bound the memory one import can take.
const (
	// MaxFileSize is the largest file, or archive entry once uncompressed, read.
	MaxFileSize = 256 << 20
	// MaxArchiveSize is the most an archive may uncompress to in total: the zip-bomb guard.
	MaxArchiveSize = 512 << 20
	// MaxArchiveEntries is the most files an archive may hold.
	MaxArchiveEntries = 1000
)

// limits bound what load reads; tests shrink them to exercise the guards without gigabytes.
type limits struct {
	file    int64 // one file or archive entry
	archive int64 // one archive, inflated
	entries int   // files in one archive
}

var defaultLimits = limits{file: MaxFileSize, archive: MaxArchiveSize, entries: MaxArchiveEntries}

// source is what one Input holds once read: its files, and whether they came together (a folder
// or an archive, which may be a OneRoster or SDS set).
type source struct {
	input string
	files []*roster.File
	set   bool
}

// readableExt lists the file kinds a folder or archive contributes; anything else there (a
// README, a PDF) is not part of the roster and is skipped.
var readableExt = map[string]bool{".csv": true, ".txt": true, ".tsv": true, ".xlsx": true, ".xml": true}

// load reads the inputs. Problems with their content (a corrupt zip, an entry escaping its
// folder, a file too large) are reported to errs; a file that cannot be opened at all is an
// error returned as is, because no row of the import can be trusted without it.
func load(inputs []Input, errs *table.Errors, lim limits) ([]source, error) {
	var out []source
	for _, in := range inputs {
		st, err := os.Stat(in.Path)
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		switch {
		case st.IsDir():
			files, err := readDir(in.Path, errs, lim)
			if err != nil {
				return nil, err
			}
			out = append(out, source{input: in.Path, files: files, set: true})
		case st.Size() > lim.file:
			errs.Add(&table.RowError{File: in.Path, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(lim.file, 10)})
		default:
			raw, err := os.ReadFile(in.Path)
			if err != nil {
				return nil, fmt.Errorf("importers: %w", err)
			}
			if isArchive(in.Path, raw) {
				out = append(out, source{input: in.Path, files: readZip(in.Path, raw, errs, lim), set: true})
				continue
			}
			out = append(out, source{input: in.Path, files: []*roster.File{{Name: in.Path, Raw: raw}}})
		}
	}
	return out, nil
}

// isArchive tells a .zip of CSV files from a workbook, which is a zip too.
func isArchive(name string, raw []byte) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".zip" {
		return true
	}
	return ext != ".xlsx" && bytes.HasPrefix(raw, []byte("PK\x03\x04")) && !bytes.Contains(raw[:min(len(raw), 4096)], []byte("[Content_Types].xml"))
}

// readDir reads the roster files directly in dir, sorted by name. Sub-folders are not
// descended: a set is one folder.
func readDir(dir string, errs *table.Errors, lim limits) ([]*roster.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("importers: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var files []*roster.File
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || !readableExt[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := e.Info()
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		if info.Size() > lim.file {
			errs.Add(&table.RowError{File: p, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(lim.file, 10)})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		raw, err := io.ReadAll(io.LimitReader(f, lim.file+1))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		files = append(files, &roster.File{Name: p, Raw: raw})
	}
	return files, nil
}
