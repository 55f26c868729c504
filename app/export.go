package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"rollcall/importers/sheet"
	"rollcall/model"
)

// ExportLabels are the words of the export in the admin's language: app writes no prose itself.
type ExportLabels struct {
	Headers [8]string // last name, first name, profile, login, activation code, email, class, created
	Profile func(model.Profile) string
	Date    func(time.Time) string
}

// ExportOptions are the choices the platforms' formats take (the CLI's flags, the console's
// export form); a zero value is each format's default, and a format ignores the others.
type ExportOptions struct {
	// EmailTemplate makes the address of a user without one (google): "{login}@school.example".
	EmailTemplate string
	// OrgUnitTemplate places each user in an organizational unit (google): "/{school}/{profile}".
	OrgUnitTemplate string
	// Fields are the columns of the ENT's specific export, in order (ent-export).
	Fields []string
	// Charset is the ENT export's: windows-1252 (the default) or utf-8.
	Charset string
}

// ExportUsersToFile is ExportUsers into the file path, written whole or not at all (see
// writeFile): a cancelled or failed export leaves no half file, and an older one stays.
func (s *Session) ExportUsersToFile(ctx context.Context, sel model.Selection, format ExportFormat, labels ExportLabels, opts ExportOptions, path string) (n int, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.exportUsersToFileWith(ctx, admin, sel, format, labels, opts, path)
}

func (a *App) exportUsersToFile(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, path string) (n int, err error) {
	return a.exportUsersToFileWith(ctx, admin, sel, format, labels, ExportOptions{}, path)
}

func (a *App) exportUsersToFileWith(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, opts ExportOptions, path string) (n int, err error) {
	if err := CheckExportOptions(format, opts); err != nil {
		return 0, err // before writeFile: a refused option leaves an older file alone
	}
	err = writeFile(path, func(w io.Writer) error {
		n, err = a.exportUsersWith(ctx, admin, sel, format, labels, opts, w)
		return err
	})
	return n, err
}

// ExportUsers writes the selection's users, in its order, in the format's shape (for Rollcall's
// own formats, the preview's columns). Every cell is neutralised against formula injection.
// It returns how many users were written (a format for some profiles leaves the others out).
func (s *Session) ExportUsers(ctx context.Context, sel model.Selection, format ExportFormat, labels ExportLabels, opts ExportOptions, w io.Writer) (_ int, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.exportUsersWith(ctx, admin, sel, format, labels, opts, w)
}

// CountExport is what an export would write (--dry-run): its options are checked, and the
// users it would write counted, nothing written.
func (s *Session) CountExport(ctx context.Context, sel model.Selection, format ExportFormat, opts ExportOptions) (int, error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return 0, err
	}
	if err := CheckExportOptions(format, opts); err != nil {
		return 0, err
	}
	ids, err := s.app.selectUserIDs(ctx, admin, sel)
	if set := format.Info().set; err == nil && set != nil {
		scan, err := s.app.scanSet(ctx, set, ids) // who the set has a place for
		if err != nil {
			return 0, err
		}
		return len(scan.ids), nil
	}
	if err != nil || format.Info().shape.sheet == nil {
		return len(ids), err
	}
	n := 0
	err = s.app.eachUser(ctx, ids, func(u *model.User) error {
		if format.Info().shape.sheet(u) >= 0 {
			n++
		}
		return nil
	})
	return n, err
}

func (a *App) exportUsers(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, w io.Writer) (int, error) {
	return a.exportUsersWith(ctx, admin, sel, format, labels, ExportOptions{}, w)
}

func (a *App) exportUsersWith(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, opts ExportOptions, w io.Writer) (int, error) {
	info := format.Info()
	if info.set != nil {
		return a.exportSet(ctx, admin, sel, info.set, w)
	}
	if info.shape.row == nil {
		return 0, fmt.Errorf("export: unknown format %d", format)
	}
	if err := CheckExportOptions(format, opts); err != nil {
		return 0, err
	}
	ids, err := a.selectUserIDs(ctx, admin, sel)
	if err != nil {
		return 0, err
	}
	x := &exportRun{labels: labels, opts: opts, app: a, ctx: ctx}
	if x.classes, err = a.classesByID(ctx); err != nil {
		return 0, err
	}
	if info.shape.prepare != nil {
		if err := info.shape.prepare(x); err != nil {
			return 0, err
		}
	}
	if info.shape.perClass {
		err = a.eachUser(ctx, ids, func(u *model.User) error {
			x.perClass, x.perGroup = max(x.perClass, len(u.ClassIDs)), max(x.perGroup, len(u.GroupIDs))
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	out, err := newRowWriter(info, opts, w)
	if err != nil {
		return 0, err
	}
	for s := range max(1, len(info.shape.sheets)) {
		if err := out.WriteSheet(s, info.shape.header(x)); err != nil {
			return 0, err
		}
	}
	var cells []string
	n := 0
	err = a.eachUser(ctx, ids, func(u *model.User) error {
		sheet := 0
		if info.shape.sheet != nil {
			if sheet = info.shape.sheet(u); sheet < 0 {
				return nil
			}
		}
		cells = info.shape.row(cells[:0], u, x)
		if x.err != nil {
			return x.err
		}
		n++
		return out.WriteSheet(sheet, cells)
	})
	if err != nil {
		out.abort()
		return n, err
	}
	return n, out.close()
}

// exportRun is what every row of one export reads: the labels and options, the classes, how
// many class and group columns a per-class format writes, and what a format prepared.
type exportRun struct {
	labels   ExportLabels
	opts     ExportOptions
	classes  map[model.ID]model.Class
	perClass int
	perGroup int
	app      *App
	ctx      context.Context
	// err stops the export at the row that set it (a value the file cannot hold).
	err error
	// platform is what the format's prepare built (its templates, fields, schools).
	platform any
}

// exportBatch is how many users are written between two checks of cancellation.
const exportBatch = 1024

// eachUser reads the users one at a time, in order, checking cancellation between batches.
func (a *App) eachUser(ctx context.Context, ids []model.ID, fn func(u *model.User) error) error {
	for i, id := range ids {
		if i%exportBatch == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return err
		}
		if err := fn(&u); err != nil {
			return err
		}
	}
	return nil
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
// CSV (the stack's gocsv writer over encoding/csv, configured for Excel, for upload to a
// platform, or for the ENT in its charset) or XLSX rows (excelize's stream, a sheet per
// template when the format has several).
type rowWriter struct {
	csv   *gocsv.SafeCSVWriter
	enc   io.WriteCloser // the charset's encoder under the CSV, closed at the end
	xlsx  *excelize.File
	sheet []*excelize.StreamWriter
	rows  []int
	dest  io.Writer
	err   error
	safe  []string
}

func newRowWriter(info ExportFormatInfo, opts ExportOptions, w io.Writer) (*rowWriter, error) {
	switch info.box {
	case containerPlainCSV:
		return &rowWriter{csv: gocsv.NewSafeCSVWriter(csv.NewWriter(w))}, nil
	case containerENT:
		r := &rowWriter{}
		if entCharset(opts) == CharsetUTF8 {
			if _, err := io.WriteString(w, "\ufeff"); err != nil {
				return nil, err
			}
		} else {
			r.enc = transform.NewWriter(w, charmap.Windows1252.NewEncoder())
			w = r.enc
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF, cw.Comma = true, ';'
		r.csv = gocsv.NewSafeCSVWriter(cw)
		return r, nil
	case containerCSV, containerCSVFr:
		if _, err := io.WriteString(w, "\ufeff"); err != nil { // the BOM tells Excel it is UTF-8
			return nil, err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if info.box == containerCSVFr {
			cw.Comma = ';'
		}
		return &rowWriter{csv: gocsv.NewSafeCSVWriter(cw)}, nil
	case containerXLSX:
		f := excelize.NewFile()
		r := &rowWriter{xlsx: f, dest: w}
		names := info.shape.sheets
		if len(names) == 0 {
			names = []string{"Sheet1"}
		}
		for i, name := range names {
			if err := addSheet(f, i, name); err != nil {
				return nil, err
			}
			sw, err := f.NewStreamWriter(name)
			if err != nil {
				return nil, err
			}
			r.sheet, r.rows = append(r.sheet, sw), append(r.rows, 0)
		}
		if info.shape.sheets != nil {
			// The workbook says it is Rollcall's: the sheet importer then knows its logins are
			// Rollcall's own (see importers/sheet).
			if err := f.SetDocProps(&excelize.DocProperties{Creator: WorkbookCreator}); err != nil {
				return nil, err
			}
		}
		return r, nil
	}
	return nil, fmt.Errorf("export: unknown container %d", info.box)
}

// addSheet names a new workbook's first sheet, or adds the next ones.
func addSheet(f *excelize.File, i int, name string) error {
	switch {
	case i > 0:
		_, err := f.NewSheet(name)
		return err
	case name != "Sheet1":
		return f.SetSheetName("Sheet1", name)
	}
	return nil
}

// WorkbookCreator is the author a platform's workbook written by Rollcall carries, which the
// sheet importer reads as Rollcall's own file.
const WorkbookCreator = sheet.RollcallCreator

// Write writes one row to the first sheet.
func (r *rowWriter) Write(cells []string) error { return r.WriteSheet(0, cells) }

// WriteSheet writes one row to a sheet of a workbook (CSV has one), each cell neutralised.
func (r *rowWriter) WriteSheet(sheet int, cells []string) error {
	r.safe = r.safe[:0]
	for _, c := range cells {
		r.safe = append(r.safe, model.NeutralizeCell(c))
	}
	if r.csv != nil {
		return r.csv.Write(r.safe)
	}
	r.rows[sheet]++
	values := make([]any, len(r.safe))
	for i, c := range r.safe {
		values[i] = excelize.Cell{Value: c} // always a string cell, never a formula
	}
	cell, err := excelize.CoordinatesToCellName(1, r.rows[sheet])
	if err == nil {
		err = r.sheet[sheet].SetRow(cell, values)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return err
}

// abort drops what a failed export held (the workbook's temporary parts).
func (r *rowWriter) abort() {
	if r.xlsx != nil {
		r.xlsx.Close()
	}
}

func (r *rowWriter) close() error {
	if r.csv != nil {
		r.csv.Flush()
		if err := r.csv.Error(); err != nil {
			return err
		}
		if r.enc != nil {
			return r.enc.Close()
		}
		return nil
	}
	for _, sw := range r.sheet {
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	if _, err := r.xlsx.WriteTo(r.dest); err != nil {
		return err
	}
	return r.xlsx.Close()
}
