package imports

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"rollcall/tui/screen"
)

// The picker is the screen's own rather than bubbles' filepicker, which picks one path, can
// pick a folder only by entering it, binds esc to "parent folder" and stats every file on each
// render. This one reads a folder in a command, once, and marks several entries.

// entryKind is what a line of the picker is.
type entryKind int

const (
	kindParent  entryKind = iota // ".."
	kindDir                      // a folder: a OneRoster or SDS set, or one-profile files
	kindArchive                  // a .zip
	kindFile                     // a roster file
)

// rosterExt are the files the picker lists: what importers read. Anything else in a folder (a
// PDF, a README) is left out, so the list stays short.
var rosterExt = map[string]entryKind{".csv": kindFile, ".txt": kindFile, ".tsv": kindFile, ".xlsx": kindFile, ".zip": kindArchive}

// entry is one line of the picker.
type entry struct {
	name string
	kind entryKind
}

// picker lists one folder and the paths marked so far.
type picker struct {
	dir     string // absolute; "" until the first folder is read
	entries []entry
	cursor  int
	offset  int
	marked  []string // absolute paths, in the order they were marked
	req     screen.RequestID
	err     error // the last folder could not be read
}

// dirMsg is a folder read by readDirCmd.
type dirMsg struct {
	id      screen.RequestID
	dir     string
	entries []entry
	err     error
}

// open reads a folder (relative paths are from the current directory) in a command.
func (p *picker) open(sess *screen.Session, dir string) tea.Cmd {
	p.req = sess.NewRequest()
	id := p.req
	if sess.Remote && sess.Inbox != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(sess.Inbox, dir)
	}
	local := sess.ReadableFiles(dir) // over SSH only the admin's inbox is theirs
	return func() tea.Msg {
		if local != nil {
			return dirMsg{id: id, dir: dir, err: local}
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return dirMsg{id: id, dir: dir, err: err}
		}
		entries, err := readDir(abs)
		return dirMsg{id: id, dir: abs, entries: entries, err: err}
	}
}

// readDir lists a folder: "..", then folders, then archives and roster files, by name; hidden
// entries are left out. Symbolic links count as what they point to.
func readDir(dir string) ([]entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []entry
	if filepath.Dir(dir) != dir {
		out = append(out, entry{name: "..", kind: kindParent})
	}
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := de.IsDir()
		if de.Type()&os.ModeSymlink != 0 {
			st, err := os.Stat(filepath.Join(dir, name))
			if err != nil {
				continue // a dangling link
			}
			isDir = st.IsDir()
		}
		if isDir {
			out = append(out, entry{name: name, kind: kindDir})
		} else if k, ok := rosterExt[strings.ToLower(filepath.Ext(name))]; ok {
			out = append(out, entry{name: name, kind: k})
		}
	}
	slices.SortStableFunc(out, func(a, b entry) int {
		if a.kind != b.kind && (a.kind <= kindDir || b.kind <= kindDir) {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
	})
	return out, nil
}

// loaded shows a folder read by open; going up puts the cursor on the folder we came from.
func (p *picker) loaded(msg dirMsg) {
	if msg.id != p.req {
		return
	}
	if msg.err != nil {
		p.err = msg.err
		return
	}
	from := p.dir
	p.dir, p.entries, p.err, p.cursor, p.offset = msg.dir, msg.entries, nil, 0, 0
	if len(p.entries) > 1 && p.entries[0].kind == kindParent {
		p.cursor = 1 // on the first entry of the folder, not on ".."
	}
	if from != "" && filepath.Dir(from) == msg.dir {
		for i, e := range p.entries {
			if e.name == filepath.Base(from) {
				p.cursor = i
			}
		}
	}
}

// highlighted is the entry under the cursor, if any.
func (p *picker) highlighted() (entry, bool) {
	if p.cursor < 0 || p.cursor >= len(p.entries) {
		return entry{}, false
	}
	return p.entries[p.cursor], true
}

// path is the absolute path of an entry of the folder shown.
func (p *picker) path(e entry) string {
	if e.kind == kindParent {
		return filepath.Dir(p.dir)
	}
	return filepath.Join(p.dir, e.name)
}

// move puts the cursor delta lines away, keeping it within the list and the window of height
// lines on show.
func (p *picker) move(delta, height int) {
	p.cursor = min(max(p.cursor+delta, 0), max(len(p.entries)-1, 0))
	height = max(height, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+height {
		p.offset = p.cursor - height + 1
	}
}

// toggle marks a path, or unmarks it when it was marked.
func (p *picker) toggle(path string) {
	if i := slices.Index(p.marked, path); i >= 0 {
		p.marked = slices.Delete(p.marked, i, i+1)
		return
	}
	p.marked = append(p.marked, path)
}

// isMarked reports whether a path is marked.
func (p *picker) isMarked(path string) bool { return slices.Contains(p.marked, path) }

// resolve turns what was typed into a path: relative to the folder shown, "~/" to the home
// folder (expanded when the detection runs, in its command).
func (p *picker) resolve(typed string) string {
	typed = strings.TrimSpace(typed)
	if typed == "" || filepath.IsAbs(typed) || typed == "~" || strings.HasPrefix(typed, "~/") {
		return typed
	}
	return filepath.Join(p.dir, typed)
}
