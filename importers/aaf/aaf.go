package aaf

import (
	"io"
	"path"
	"slices"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

// Root is the root element of every AAF file.
const Root = "ficAlimMENESR"

// Format names the académie's feed.
const Format roster.Format = "aaf"

// Spec registers the feed: a set of XML files, read together.
var Spec = roster.FormatSpec{
	Format:      Format,
	Source:      string(Format),
	SniffSet:    SniffSet,
	Parse:       func(j *roster.Job, u roster.Unit) error { return Parse(j, u.Files) },
	PreviewFile: Preview,
}

// The rules this package reports beside the shared ones.
const (
	// RuleUndefinedStructure warns that people are attached to a structure no EtabEducNat of
	// the feed defines; Value is the structure's id.
	RuleUndefinedStructure = model.RuleUndefinedStructure
	// RuleValueDropped warns that a value was left out of a record (an email or a date that
	// does not parse): an académie feed is not refused for one typo. Column is the attribute.
	RuleValueDropped = model.RuleValueDropped
)

// SniffSet says whether files are an AAF feed: every XML file among them is a ficAlimMENESR
// file, and there is at least one.
func SniffSet(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: Format}
	for _, f := range files {
		if root := xmlfeed.Root(f.Head()); root == Root {
			fit.Matched++
		} else if root != "" || strings.EqualFold(path.Ext(f.Name), ".xml") {
			fit.Missing = []string{Root}
			return fit
		}
	}
	if fit.Matched == 0 || fit.Matched != len(files) {
		fit.Missing = []string{Root}
		return fit
	}
	fit.OK = true
	return fit
}

// Parse reads the files of one feed into job. A file that is not well-formed XML is reported
// at the line where it breaks, and nothing of the import is kept. While one file is read, the
// next one's first pass (its encoding and checksum) runs beside it.
func Parse(job *roster.Job, files []*roster.File) error {
	p := newFeed(job)
	var next <-chan opened
	if len(files) > 0 {
		next = openAsync(files[0])
	}
	for i, f := range files {
		o := <-next
		next = nil
		if i+1 < len(files) {
			next = openAsync(files[i+1])
		}
		err := o.err
		if err == nil {
			err = p.file(f, o.r, o.c)
		}
		if err != nil {
			if next != nil {
				if o := <-next; o.c != nil {
					o.c.Close()
				}
			}
			return err
		}
	}
	p.finish()
	return nil
}

// opened is a file of the feed opened for reading, or why it could not be.
type opened struct {
	r   *reader
	c   io.Closer
	err error
}

func openAsync(f *roster.File) <-chan opened {
	ch := make(chan opened, 1)
	go func() {
		r, c, err := newReader(f)
		ch <- opened{r, c, err}
	}()
	return ch
}

// feed is one import's reading state across its files.
type feed struct {
	job      *roster.Job
	classes  map[string]classSlot // class key → where Batch.Classes has it
	strings  map[string]string    // values many people share, one string each
	guardian map[string][]string  // guardian id → the pupils naming them, in file order
	subjects map[int][]string     // record index → subject codes, labelled at the end
	labels   map[string]string    // subject code → label (MatiereEducNat)
	mefs     map[string]string    // MEF code → label (MefEducNat)
	deleted  map[string]bool
	delta    bool
}

// classSlot is a class met in the feed: its index in Batch.Classes and its key.
type classSlot struct {
	index int
	key   string
}

func newFeed(job *roster.Job) *feed {
	return &feed{job: job, classes: map[string]classSlot{}, strings: map[string]string{}, guardian: map[string][]string{}, subjects: map[int][]string{},
		labels: map[string]string{}, mefs: map[string]string{}, deleted: map[string]bool{}}
}

// file reads one file of the feed through r, and closes c. Its requests are read on another
// goroutine, a chunk at a time, while this one turns them into records in file order.
func (p *feed) file(f *roster.File, r *reader, c io.Closer) error {
	defer c.Close()
	if strings.Contains(strings.ToLower(path.Base(f.Name)), "_delta_") {
		p.delta = true
	}
	chunks, stop := readChunks(r)
	defer stop()
	rows, sized := 0, false
	for ch := range chunks {
		for i := range ch.entries[:ch.n] {
			rows++
			if err := p.job.Tick(f.Name, rows); err != nil {
				return err
			}
			p.entry(f.Name, &ch.entries[i])
		}
		if !sized && ch.read >= sampleEntries {
			p.makeRoom(r.s.Size(), ch.offset, ch.read)
			sized = true
		}
		if ch.bad != nil {
			p.job.Add(ch.bad)
		}
		ch.release()
	}
	p.job.FileDone(f.Info(rows))
	return nil
}

// sampleEntries is how many entries of a file tell how many it holds.
const sampleEntries = 1000

// minEntryBytes is less than any person's entry takes in a feed (a few hundred bytes of
// attributes at the least): room is never made for more entries than a file could hold.
const minEntryBytes = 512

// makeRoom grows the records for the rest of a file, as its first entries tell: records are
// large, and 100,000 of them would otherwise be copied over and over as the slice grows. A
// file whose first entries are small and the rest one long text gets room for no more than
// size/minEntryBytes.
func (p *feed) makeRoom(size, at int64, read int) {
	if size <= 0 || at <= 0 || at >= size {
		return
	}
	rest := (size - at) * int64(read) / at
	rest = min(rest+rest/20, (size-at)/minEntryBytes, int64(p.job.MaxRows-len(p.job.Batch.Records)))
	if rest > 0 {
		p.job.Batch.Records = slices.Grow(p.job.Batch.Records, int(rest))
	}
}

// entry turns one request into a school, a person, a subject or a level.
func (p *feed) entry(file string, e *entry) {
	if e.op != opAdd {
		p.delta = true
	}
	where := table.Location{File: file, Line: e.line}
	if e.op == opDelete {
		if id := e.id(); id != "" && !p.deleted[id] && isPerson(e.category) {
			p.deleted[id] = true
			p.job.Batch.Deleted = append(p.job.Batch.Deleted, id)
		}
		return
	}
	switch e.category {
	case "EtabEducNat":
		p.school(where, e)
	case "Eleve":
		p.person(where, e, model.Student)
	case "PersRelEleve":
		p.person(where, e, model.Parent)
	case "PersEducNat":
		p.person(where, e, staffProfile(e))
	case "MatiereEducNat":
		p.label(e, p.labels)
	case "MefEducNat":
		p.label(e, p.mefs)
	}
}

func isPerson(category string) bool {
	return category == "Eleve" || category == "PersRelEleve" || category == "PersEducNat" || category == ""
}

// label files a subject's or a level's label under its code.
func (p *feed) label(e *entry, into map[string]string) {
	code, label := e.id(), ""
	for _, a := range e.attrs {
		if a.n == 0 {
			continue
		}
		switch {
		case strings.HasSuffix(a.name, "Jointure"):
			code = e.str(e.vals[a.from])
		case strings.Contains(a.name, "Libelle") && label == "":
			label = e.str(e.vals[a.from])
		}
	}
	if code != "" && label != "" {
		into[code] = label
	}
}

// school defines a structure: its id, UAI and name.
func (p *feed) school(where table.Location, e *entry) {
	id := first(e.first(keyStructureJointure), e.id())
	if id == "" {
		return
	}
	uai := strings.ToUpper(first(e.first(keyStructureUAI), e.first(keyEtablissementUAI)))
	if uai != "" && !model.ValidUAI(uai) {
		p.job.Batch.Warnings.Add(&table.RowError{File: where.File, Line: where.Line, Column: "ENTStructureUAI", Value: uai, Rule: model.RuleUAI, Expected: model.UAICheckLetterFor(uai)})
	}
	def := roster.OrgDef{ExternalID: id, Code: uai, Name: schoolName(e.first(keyStructureNomCourant))}
	if def.Name == "" {
		def.Name = uai
	}
	p.job.DefineOrg(def)
	for _, v := range e.get(keyStructureClasses) {
		code, label, _ := strings.Cut(v, "$")
		p.class(id, code, label, "")
	}
}

// schoolName reads the "$"-packed current name: "CLG$CLG INTEGRATION$PARIS" is the collège
// INTEGRATION in Paris; the middle part is the name the school goes by.
func schoolName(v string) string {
	parts := strings.Split(v, "$")
	if len(parts) == 3 && parts[1] != "" {
		return table.Clean(parts[1])
	}
	return table.Clean(strings.Join(parts, " "))
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
