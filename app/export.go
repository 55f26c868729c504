package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/xuri/excelize/v2"

	"rollcall/model"
)

// ExportLabels are the words of the export in the admin's language: app writes no prose itself.
type ExportLabels struct {
	Headers [8]string // last name, first name, profile, login, activation code, email, class, created
	Profile func(model.Profile) string
	Date    func(time.Time) string
}

// ExportUsersToFile is ExportUsers into the file path, written whole or not at all (see
// writeFile): a cancelled or failed export leaves no half file, and an older one stays.
func (s *Session) ExportUsersToFile(ctx context.Context, sel model.Selection, format ExportFormat, labels ExportLabels, path string) (n int, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.exportUsersToFile(ctx, admin, sel, format, labels, path)
}

func (a *App) exportUsersToFile(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, path string) (n int, err error) {
	err = writeFile(path, func(w io.Writer) error {
		n, err = a.exportUsers(ctx, admin, sel, format, labels, w)
		return err
	})
	return n, err
}

// ExportUsers writes the selection's users, in its order, in the format's shape (for Rollcall's
// own formats, the preview's columns). Every cell is neutralised against formula injection.
// It returns how many users were written.
func (s *Session) ExportUsers(ctx context.Context, sel model.Selection, format ExportFormat, labels ExportLabels, w io.Writer) (_ int, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.exportUsers(ctx, admin, sel, format, labels, w)
}

func (a *App) exportUsers(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, w io.Writer) (int, error) {
	info := format.Info()
	if info.set != nil {
		return a.exportSet(ctx, admin, sel, info.set, w)
	}
	if info.shape.row == nil {
		return 0, fmt.Errorf("export: unknown format %d", format)
	}
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return 0, err
	}
	x := &exportRun{labels: labels}
	if x.classes, err = a.classesByID(ctx); err != nil {
		return 0, err
	}
	if info.shape.perClass {
		if x.perClass, err = a.mostClasses(ctx, ids); err != nil {
			return 0, err
		}
	}
	out, err := newRowWriter(info.box, w)
	if err != nil {
		return 0, err
	}
	if err := out.Write(info.shape.header(x)); err != nil {
		return 0, err
	}
	var cells []string
	for i := 0; i < len(ids); i += exportBatch {
		if ctx.Err() != nil {
			return i, ctx.Err()
		}
		for _, id := range ids[i:min(i+exportBatch, len(ids))] {
			u, err := a.store.User(ctx, id)
			if err != nil {
				return i, err
			}
			cells = info.shape.row(cells[:0], &u, x)
			if err := out.Write(cells); err != nil {
				return i, err
			}
		}
	}
	return len(ids), out.close()
}

// exportRun is what every row of one export reads: the labels, the classes, and how many
// class columns a per-class format writes.
type exportRun struct {
	labels   ExportLabels
	classes  map[model.ID]model.Class
	perClass int
}

// exportBatch is how many users are written between two checks of cancellation.
const exportBatch = 1024

// mostClasses is the largest number of classes one of the users is in.
func (a *App) mostClasses(ctx context.Context, ids []model.ID) (int, error) {
	most := 0
	for i, id := range ids {
		if i%exportBatch == 0 && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return 0, err
		}
		most = max(most, len(u.ClassIDs))
	}
	return most, nil
}

func (a *App) classesByID(ctx context.Context) (map[model.ID]model.Class, error) {
	cs, err := a.store.ListClasses(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[model.ID]model.Class, len(cs))
	for _, c := range cs {
		m[c.ID] = c
	}
	return m, nil
}

// rowWriter is what every format is written through: it neutralises every cell, then writes
// CSV (the stack's gocsv writer over encoding/csv, configured for Excel or for upload to a
// platform) or XLSX rows (excelize's stream).
type rowWriter struct {
	csv  *gocsv.SafeCSVWriter
	xlsx *excelize.File
	sw   *excelize.StreamWriter
	dest io.Writer
	row  int
	err  error
	safe []string
}

func newRowWriter(box container, w io.Writer) (*rowWriter, error) {
	switch box {
	case containerPlainCSV:
		return &rowWriter{csv: gocsv.NewSafeCSVWriter(csv.NewWriter(w))}, nil
	case containerCSV, containerCSVFr:
		if _, err := io.WriteString(w, "\ufeff"); err != nil { // the BOM tells Excel it is UTF-8
			return nil, err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if box == containerCSVFr {
			cw.Comma = ';'
		}
		return &rowWriter{csv: gocsv.NewSafeCSVWriter(cw)}, nil
	case containerXLSX:
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			return nil, err
		}
		return &rowWriter{xlsx: f, sw: sw, dest: w}, nil
	}
	return nil, fmt.Errorf("export: unknown container %d", box)
}

// Write writes one row, each cell neutralised.
func (r *rowWriter) Write(cells []string) error {
	r.safe = r.safe[:0]
	for _, c := range cells {
		r.safe = append(r.safe, model.NeutralizeCell(c))
	}
	if r.csv != nil {
		return r.csv.Write(r.safe)
	}
	r.row++
	values := make([]any, len(r.safe))
	for i, c := range r.safe {
		values[i] = excelize.Cell{Value: c} // always a string cell, never a formula
	}
	cell, err := excelize.CoordinatesToCellName(1, r.row)
	if err == nil {
		err = r.sw.SetRow(cell, values)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return err
}

func (r *rowWriter) close() error {
	if r.csv != nil {
		r.csv.Flush()
		return r.csv.Error()
	}
	if err := r.sw.Flush(); err != nil {
		return err
	}
	if _, err := r.xlsx.WriteTo(r.dest); err != nil {
		return err
	}
	return r.xlsx.Close()
}
