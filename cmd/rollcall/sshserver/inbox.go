package sshserver

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/wish/v2/scp"
	"github.com/charmbracelet/ssh"
	"github.com/pkg/sftp"

	"rollcall/model"
)

// A remote admin cannot name a file on the server, so files travel to it: each admin has an
// inbox, a flat folder of their own under Config.InboxDir, that SFTP and SCP write into and
// that their console's file picker shows. Paths are confined to it with os.Root (no "..", no
// symbolic link leads out), folders and links cannot be made, and its size is bounded.
const (
	maxInboxFile  = 512 << 20 // bytes: the importers' largest archive
	maxInboxTotal = 2 << 30   // bytes an admin's inbox may hold in all
)

var (
	errInboxFull    = errors.New("the inbox is full: remove files first (sftp rm), or send a smaller file")
	errInboxFlat    = errors.New("the inbox takes files only, not folders or links")
	errNoFileUpload = errors.New("this server does not take files")
)

// InboxOf is the inbox folder of an admin under root (made 0700 on first use).
func InboxOf(root string, admin model.ID) (string, error) {
	dir := filepath.Join(root, strconv.FormatUint(uint64(admin), 10))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// openInbox opens the connecting admin's inbox, confined.
func (s *Server) openInbox(sess ssh.Session) (*os.Root, model.ID, error) {
	id, _, ok := granted(sess)
	if !ok {
		return nil, 0, errors.New("no grant")
	}
	if s.cfg.InboxDir == "" {
		return nil, id, errNoFileUpload
	}
	dir, err := InboxOf(s.cfg.InboxDir, id)
	if err != nil {
		return nil, id, err
	}
	root, err := os.OpenRoot(dir)
	return root, id, err
}

// sftpSubsystem serves the admin's inbox over SFTP (sftp, and scp of OpenSSH 9 and later).
func (s *Server) sftpSubsystem(sess ssh.Session) {
	if !s.begin(sess) {
		return
	}
	defer s.sessions.Done()
	root, id, err := s.openInbox(sess)
	if err != nil {
		s.log.Warn("sftp refused", "remote", sess.RemoteAddr().String(), "error", err.Error())
		_ = sess.Exit(1)
		return
	}
	defer root.Close()
	s.log.Info("sftp started", "admin", uint64(id), "remote", sess.RemoteAddr().String())
	fsys := &inboxFS{root: root, log: s.log.With("admin", uint64(id))}
	srv := sftp.NewRequestServer(sess, sftp.Handlers{FileGet: fsys, FilePut: fsys, FileCmd: fsys, FileList: fsys})
	status := 0
	if err := srv.Serve(); err != nil && !errors.Is(err, io.EOF) {
		s.log.Info("sftp ended", "admin", uint64(id), "error", err.Error())
		status = 1
	}
	_ = sess.Exit(status) // before the server closes the channel: clients wait for the status
	_ = srv.Close()
}

// scpUpload takes the files of `scp -O file server:` into the admin's inbox; the inbox has no
// folders, so a target folder is not kept.
func (s *Server) scpUpload(sess ssh.Session) {
	root, id, err := s.openInbox(sess)
	if err != nil {
		fmt.Fprintln(sess.Stderr(), "rollcall:", err)
		_ = sess.Exit(1)
		return
	}
	defer root.Close()
	s.log.Info("scp upload", "admin", uint64(id), "remote", sess.RemoteAddr().String())
	scp.Middleware(nil, &inboxSCP{root: root})(func(ssh.Session) {})(sess)
}

// inboxFS is the SFTP view of one inbox.
type inboxFS struct {
	root *os.Root
	log  *slog.Logger // nil: nothing logged
}

// rel turns an SFTP path ("/roster.csv") into one inside the root ("roster.csv").
func rel(p string) string {
	p = path.Clean("/" + p)[1:]
	if p == "" {
		return "."
	}
	return p
}

func (f *inboxFS) Fileread(r *sftp.Request) (io.ReaderAt, error) {
	return f.root.Open(rel(r.Filepath))
}

func (f *inboxFS) Filewrite(r *sftp.Request) (io.WriterAt, error) {
	name := rel(r.Filepath)
	if name == "." || path.Dir(name) != "." {
		return nil, errInboxFlat
	}
	flags := os.O_WRONLY | os.O_CREATE
	if pf := r.Pflags(); pf.Trunc {
		flags |= os.O_TRUNC
	} else if pf.Excl {
		flags |= os.O_EXCL
	}
	room, err := f.room(name)
	if err != nil {
		return nil, err
	}
	file, err := f.root.OpenFile(name, flags, 0o600)
	if err != nil {
		return nil, err
	}
	return &limitedFile{File: file, limit: room}, nil
}

// room is how large name may grow: the file limit, and what is left of the inbox's.
func (f *inboxFS) room(name string) (int64, error) {
	used, err := f.used(name)
	if err != nil {
		return 0, err
	}
	room := min(int64(maxInboxFile), int64(maxInboxTotal)-used)
	if room <= 0 {
		return 0, errInboxFull
	}
	return room, nil
}

// used is what the inbox holds, but for the file about to be rewritten.
func (f *inboxFS) used(except string) (int64, error) {
	entries, err := fs.ReadDir(f.root.FS(), ".")
	if err != nil {
		return 0, err
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.Name() != except {
			n += info.Size()
		}
	}
	return n, nil
}

func (f *inboxFS) Filecmd(r *sftp.Request) error {
	err := f.filecmd(r)
	if err != nil && f.log != nil {
		f.log.Info("sftp refused", "method", r.Method, "error", err.Error())
	}
	return err
}

func (f *inboxFS) filecmd(r *sftp.Request) error {
	switch r.Method {
	case "Setstat":
		// scp ends an upload by setting the size (a shorter file over a longer one); times and
		// modes are not kept: the inbox has its own.
		if !r.AttrFlags().Size {
			return nil
		}
		size := int64(r.Attributes().Size)
		if size > maxInboxFile {
			return errInboxFull
		}
		file, err := f.root.OpenFile(rel(r.Filepath), os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		return errors.Join(file.Truncate(size), file.Close())
	case "Rename", "PosixRename":
		if path.Dir(rel(r.Target)) != "." {
			return errInboxFlat
		}
		return f.root.Rename(rel(r.Filepath), rel(r.Target))
	case "Remove":
		return f.root.Remove(rel(r.Filepath))
	}
	return errInboxFlat // Mkdir, Rmdir, Symlink, Link
}

func (f *inboxFS) Filelist(r *sftp.Request) (sftp.ListerAt, error) {
	name := rel(r.Filepath)
	switch r.Method {
	case "List":
		entries, err := fs.ReadDir(f.root.FS(), name)
		if err != nil {
			return nil, err
		}
		var infos listing
		for _, e := range entries {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
				infos = append(infos, info)
			}
		}
		return infos, nil
	case "Stat", "Lstat":
		info, err := f.root.Lstat(name)
		if err != nil {
			return nil, err
		}
		return listing{info}, nil
	}
	return nil, sftp.ErrSSHFxOpUnsupported
}

// listing is a folder's entries as SFTP pages them.
type listing []os.FileInfo

func (l listing) ListAt(out []os.FileInfo, off int64) (int, error) {
	if off >= int64(len(l)) {
		return 0, io.EOF
	}
	n := copy(out, l[off:])
	if off+int64(n) >= int64(len(l)) {
		return n, io.EOF
	}
	return n, nil
}

// limitedFile refuses writes past its limit.
type limitedFile struct {
	*os.File
	limit int64
}

func (l *limitedFile) WriteAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) > l.limit {
		return 0, errInboxFull
	}
	return l.File.WriteAt(p, off)
}

// inboxSCP takes `scp -O` uploads into one inbox.
type inboxSCP struct{ root *os.Root }

func (h *inboxSCP) Mkdir(ssh.Session, *scp.DirEntry) error { return errInboxFlat }

func (h *inboxSCP) Write(sess ssh.Session, e *scp.FileEntry) (int64, error) {
	// scp file server:name names the copy; scp file server: (or a folder) keeps the file's name.
	name := path.Base(e.Name)
	if target := rel(scp.GetInfo(sess.Command()).Path); target != "." && !strings.HasSuffix(scp.GetInfo(sess.Command()).Path, "/") {
		name = path.Base(target)
	}
	if name == "." || name == ".." || name == string(filepath.Separator) {
		return 0, errInboxFlat
	}
	fsys := &inboxFS{root: h.root}
	room, err := fsys.room(name)
	if err != nil {
		return 0, err
	}
	if e.Size > room {
		return 0, errInboxFull
	}
	file, err := h.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(file, io.LimitReader(e.Reader, e.Size))
	return n, errors.Join(err, file.Close())
}
