package mailmerge

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// Group is one file of a split run, such as the cards of one class.
type Group struct {
	// Name makes the file name: "3e B" gives "3e B.pdf". Characters that are unsafe in file
	// names become '_'; an empty name gives "cards"; repeated names are numbered "3e B (2)".
	Name  string
	Cards CardSource
}

// WritePDFSplit writes one PDF per group into dir (which must exist) and returns the paths
// written, in group order; a group without cards gets no file. It is WritePDF per group with file handling: each file is written
// under a temporary name and renamed once complete, so a failed or cancelled run never leaves
// a half-written PDF (the files completed before it stay). An existing file of the same name
// is replaced. progress counts pages over all groups; the total is -1 unless every group's
// Len is known.
func WritePDFSplit(ctx context.Context, dir string, groups []Group, layout Layout, tpl *Templates, progress func(pagesDone, pagesTotal int)) ([]string, error) {
	geo, err := layout.geometry()
	if err != nil {
		return nil, err
	}
	if tpl == nil {
		tpl = DefaultTemplates()
	}
	total := 0
	for _, g := range groups {
		n := g.Cards.Len()
		if n < 0 {
			total = -1
			break
		}
		total += (n + geo.perSheet - 1) / geo.perSheet
	}
	names := splitFileNames(groups)
	paths := make([]string, 0, len(groups))
	done := 0
	for i, g := range groups {
		path := filepath.Join(dir, names[i])
		pages := 0
		err := writePDFFile(ctx, path, g.Cards, layout, tpl, func(p, _ int) {
			pages = p
			if progress != nil {
				progress(done+p, total)
			}
		})
		if errors.Is(err, ErrNoCards) {
			continue
		}
		if err != nil {
			return paths, fmt.Errorf("group %q: %w", g.Name, err)
		}
		done += pages
		paths = append(paths, path)
	}
	return paths, nil
}

// writePDFFile writes a PDF to path through a temporary file in the same directory.
func writePDFFile(ctx context.Context, path string, src CardSource, layout Layout, tpl *Templates, progress func(int, int)) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".rollcall-*.pdf.tmp")
	if err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: errors.Unwrap(err)}
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
			var pe *fs.PathError
			if errors.As(err, &pe) { // name the file asked for, not the temporary one
				err = &fs.PathError{Op: "write", Path: path, Err: pe.Err}
			}
		}
	}()
	if err = WritePDF(ctx, f, src, layout, tpl, progress); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// splitFileNames turns group names into distinct, portable file names.
func splitFileNames(groups []Group) []string {
	out := make([]string, len(groups))
	used := make(map[string]bool) // lower case: some file systems ignore case
	for i, g := range groups {
		base := safeFileName(g.Name)
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		used[strings.ToLower(name)] = true
		out[i] = name + ".pdf"
	}
	return out
}

// safeFileName keeps letters (accented ones too), digits, spaces and "-_.()", so a class
// name works on Windows, macOS and Linux, in a zip file and on a USB stick.
func safeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == ' ', r == '-', r == '_', r == '.', r == '(', r == ')':
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	s := strings.Trim(b.String(), " .")
	if runes := []rune(s); len(runes) > 80 {
		s = strings.TrimRight(string(runes[:80]), " .")
	}
	if s == "" {
		return "cards"
	}
	switch strings.ToUpper(s) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "LPT1", "LPT2", "LPT3":
		return "_" + s
	}
	return s
}
