package importers

import (
	"archive/zip"
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

// Size limits. Files are streamed, never held (a workbook inside an archive excepted), so these
// bound the work of one import, not its memory: a zip of a few megabytes may inflate to
// gigabytes, read twice over (README, "Limits").
const (
	// MaxFileSize is the largest file, or archive entry once uncompressed, read.
	MaxFileSize = 256 << 20
	// MaxArchiveSize is the most an archive may uncompress to in total: the zip-bomb guard.
	MaxArchiveSize = 512 << 20
	// MaxImportSize is the most all the inputs of one import may hold once inflated.
	MaxImportSize = 512 << 20
	// MaxArchiveEntries is the most files an archive may hold.
	MaxArchiveEntries = 1000
	// MaxHeldWorkbook is the largest workbook inside an archive: the one kind of file held in
	// memory, since reading a workbook means seeking in it (a workbook is compressed already: a
	// template of 100,000 pupils is a few megabytes).
	MaxHeldWorkbook = 64 << 20
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
// that are not roster files go to skipped. It reads each text file through once, to decide its
// encoding (roster.File.Text), so that a file it cannot read is reported here, located, and
// left out. Archives stay open until close.
type loader struct {
	errs    *table.Errors
	skipped *table.Errors
	lim     limits
	read    int64 // bytes of the inputs so far, inflated
	open    []io.Closer
}

// close releases the archives the import read.
func (ld *loader) close() {
	for _, c := range ld.open {
		c.Close()
	}
	ld.open = nil
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
		files, archive, err := ld.readFile(in.Path, true)
		if err != nil {
			return nil, err
		}
		if archive {
			out = append(out, source{input: in.Path, files: files, set: true})
		} else if len(files) > 0 {
			out = append(out, source{input: in.Path, files: files})
		}
	}
	return out, nil
}

// streamed reports whether a file on disk is an XML file, which the AAF, SIECLE and STS-Web
// readers scan token by token, with their own first reading for the encoding: an académie feed
// is hundreds of megabytes in a few files, and its size is not bounded.
func streamed(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xml") }

// readFile reads one file on disk: an XML file, a workbook, a text file, or an archive, whose
// files it returns (archive true) when sets is set.
func (ld *loader) readFile(path string, sets bool) (files []*roster.File, archive bool, err error) {
	f, ok, err := ld.openRegular(path)
	if err != nil || !ok {
		return nil, false, err
	}
	keep := false
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	head = head[:n]
	file := roster.NewStreamFile(path, path, head)
	if streamed(path) {
		return []*roster.File{file}, false, nil
	}
	st, err := f.Stat()
	if err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	if limit := min(ld.lim.file, ld.lim.total-ld.read); st.Size() > limit {
		ld.errs.Add(&table.RowError{File: path, Rule: table.RuleTooLarge, Expected: strconv.FormatInt(limit, 10)})
		return nil, false, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	var zr *zip.Reader
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || ext == ".zip" {
		zr, _ = zip.NewReader(f, st.Size()) // nil: not a zip after all, which the reading of it says
	}
	switch {
	case ext == ".xlsx" || ext == ".xlsm" || ext != ".zip" && zr != nil && hasEntry(zr, "xl/workbook.xml"):
		ld.read += st.Size()
		file.SetWorkbook(true)
		return []*roster.File{file}, false, nil
	case ext == ".zip" || zr != nil:
		if !sets {
			return nil, true, nil
		}
		if zr == nil {
			ld.errs.Add(&table.RowError{File: path, Rule: table.RuleBadZip, Expected: "zip"})
			return nil, true, nil
		}
		keep = true
		ld.open = append(ld.open, f)
		return ld.readZip(path, zr), true, nil
	}
	ld.read += st.Size()
	file.SetWorkbook(false)
	if _, err := file.Text(); err != nil {
		return nil, false, fmt.Errorf("importers: %w", err)
	}
	return []*roster.File{file}, false, nil
}

// hasEntry reports whether an archive holds a file of that name, in any case.
func hasEntry(zr *zip.Reader, name string) bool {
	for _, zf := range zr.File {
		if strings.EqualFold(zf.Name, name) {
			return true
		}
	}
	return false
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
		got, archive, err := ld.readFile(p, false)
		if err != nil {
			return nil, err
		}
		if archive { // a set is one folder or one archive: one inside a folder is not read
			ld.skip(p, readableKinds)
			continue
		}
		files = append(files, got...)
	}
	return files, nil
}

// skip lists a file a folder or archive holds that the import does not read.
func (ld *loader) skip(name, expected string) {
	ld.skipped.Add(&table.RowError{File: name, Rule: table.RuleNotRoster, Expected: expected})
}
