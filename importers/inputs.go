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
	"syscall"

	"rollcall/importers/roster"
	"rollcall/importers/table"
)

// Size limits: the input-side memory budget. Files are read whole, so these bound what one
// import holds before any row is parsed (README, "Limits").
const (
	// MaxFileSize is the largest file, or archive entry once uncompressed, read.
	MaxFileSize = 256 << 20
	// MaxArchiveSize is the most an archive may uncompress to in total: the zip-bomb guard.
	MaxArchiveSize = 512 << 20
	// MaxImportSize is the most all the inputs of one import may hold once read and inflated.
	MaxImportSize = 512 << 20
	// MaxArchiveEntries is the most files an archive may hold.
	MaxArchiveEntries = 1000
)

// limits bound what load reads; tests shrink them to exercise the guards without gigabytes.
type limits struct {
	file    int64 // one file or archive entry
	archive int64 // one archive, inflated
	total   int64 // every input of the import, read and inflated
	entries int   // files in one archive
}

var defaultLimits = limits{file: MaxFileSize, archive: MaxArchiveSize, total: MaxImportSize, entries: MaxArchiveEntries}

// source is what one Input holds once read: its files, and whether they came together (a folder
// or an archive, which may be a OneRoster or SDS set).
type source struct {
	input string
	files []*roster.File
	set   bool
}

// readableExt lists the file kinds a folder or archive contributes; anything else there (a
// README, a PDF) is not part of the roster: it is skipped, and the report lists it.
var readableExt = map[string]bool{".csv": true, ".txt": true, ".tsv": true, ".xlsx": true, ".xml": true}

// readableKinds is the Expected of a file skipped for its kind.
const readableKinds = ".csv|.tsv|.txt|.xlsx|.xml|.zip"

// loader reads the inputs of one import. Problems with their content (a corrupt zip, an entry
// escaping its folder, a file too large, a device) go to errs; files a folder or archive holds
// that are not roster files go to skipped.
type loader struct {
	errs    *table.Errors
	skipped *table.Errors
	lim     limits
	read    int64 // bytes held so far, read or inflated
}

// load reads the inputs. A file that cannot be opened at all is an error returned as is,
// because no row of the import can be trusted without it.
func (ld *loader) load(inputs []Input) ([]source, error) {
	var out []source
	for _, in := range inputs {
		st, err := os.Stat(in.Path)
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		if st.IsDir() {
			files, err := ld.readDir(in.Path)
			if err != nil {
				return nil, err
			}
			out = append(out, source{input: in.Path, files: files, set: true})
			continue
		}
		if streamed(in.Path) {
			f, ok, err := ld.streamFile(in.Path)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, source{input: in.Path, files: []*roster.File{f}})
			}
			continue
		}
		raw, ok, err := ld.readFile(in.Path)
		if err != nil || !ok {
			if err != nil {
				return nil, err
			}
			continue
		}
		if isArchive(in.Path, raw) {
			out = append(out, source{input: in.Path, files: ld.readZip(in.Path, raw), set: true})
			continue
		}
		out = append(out, source{input: in.Path, files: []*roster.File{{Name: in.Path, Raw: raw}}})
	}
	return out, nil
}

// streamed reports whether a file on disk is read as a stream rather than whole: XML files,
// which the AAF, SIECLE and STS-Web readers scan token by token. An académie feed is hundreds
// of megabytes in a few files; held whole, it alone took the memory budget of its import.
func streamed(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xml") }

// streamFile opens a file to be streamed: it is checked as readFile checks it, and only its
// head is read now. Its size is not bounded (only a window of it is ever held, and the rows it
// holds are, by roster.MaxRows), nor counted against the import's total.
func (ld *loader) streamFile(path string) (*roster.File, bool, error) {
	f, ok, err := ld.openRegular(path)
	if err != nil || !ok {
		return nil, ok, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	return roster.NewStreamFile(path, path, head[:n]), true, nil
}

// openRegular opens a regular file, refusing a device, a pipe or a socket (RuleNotRegular):
// /dev/zero never ends and a pipe may never close. The kind is checked before opening (opening a
// pipe would wait for a writer), and again on the opened descriptor, opened without blocking,
// so a file swapped for a device in between is still refused.
func (ld *loader) openRegular(path string) (*os.File, bool, error) {
	notRegular := func() (*os.File, bool, error) {
		ld.errs.Add(&table.RowError{File: path, Rule: table.RuleNotRegular, Expected: "file"})
		return nil, false, nil
	}
	if st, err := os.Stat(path); err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	} else if !st.Mode().IsRegular() {
		return notRegular()
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return notRegular()
	}
	return f, true, nil
}

// readFile reads one regular file (see openRegular) within the limits.
func (ld *loader) readFile(path string) ([]byte, bool, error) {
	f, ok, err := ld.openRegular(path)
	if err != nil || !ok {
		return nil, ok, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	limit := min(ld.lim.file, ld.lim.total-ld.read)
	if st.Size() > limit {
		ld.errs.Add(&table.RowError{File: path, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
		return nil, false, nil
	}
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	if int64(len(raw)) > limit { // it grew since the look at its size
		ld.errs.Add(&table.RowError{File: path, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
		return nil, false, nil
	}
	ld.read += int64(len(raw))
	return raw, true, nil
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
// descended (a set is one folder) and, like files of another kind, are listed as skipped;
// hidden files (.DS_Store) are left out silently.
func (ld *loader) readDir(dir string) ([]*roster.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("importers: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var files []*roster.File
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.IsDir():
			ld.skip(p, "file")
			continue
		case !readableExt[strings.ToLower(filepath.Ext(name))]:
			ld.skip(p, readableKinds)
			continue
		}
		if streamed(p) {
			f, ok, err := ld.streamFile(p)
			if err != nil {
				return nil, err
			}
			if ok {
				files = append(files, f)
			}
			continue
		}
		raw, ok, err := ld.readFile(p)
		if err != nil {
			return nil, err
		}
		if ok {
			files = append(files, &roster.File{Name: p, Raw: raw})
		}
	}
	return files, nil
}

// skip lists a file a folder or archive holds that the import does not read.
func (ld *loader) skip(name, expected string) {
	ld.skipped.Add(&table.RowError{File: name, Rule: table.RuleNotRoster, Expected: expected})
}
