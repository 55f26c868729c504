package home

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rollcall/model"
	"rollcall/storage/bolt"
	"rollcall/tui/internal/tuitest"
	"rollcall/tui/screen"
)

// b writes a backup to the file the admin names, readable by them only; the copy opens as a
// database with the same admin. Over SSH the path would be the server's: refused.
func TestBackupFromHome(t *testing.T) {
	t.Parallel()
	sess := signedIn(t, model.French)
	m := New(sess)
	d := tuitest.ForScreen(t, m, 100, 30)
	d.WaitView("Accueil")
	d.Press("b")
	d.WaitView("Sauvegarder la base", "rollcall-sauvegarde-"+sess.App.Now().Format("2006-01-02")+".db")
	if !m.CapturesInput() || !screen.HandlesBack(m) {
		t.Error("the path field must keep the keys and esc")
	}
	dest := filepath.Join(t.TempDir(), "copie.db")
	for range 40 {
		d.Press("backspace")
	}
	d.Type(dest)
	d.Press("enter")
	d.WaitView("Sauvegarde écrite dans", "copie.db")
	info, err := os.Stat(dest)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the backup: %v, %v", info, err)
	}
	st, err := bolt.Open(dest, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AdminByEmail(context.Background(), "ada@example.org"); err != nil {
		t.Errorf("the copy lacks the admin: %v", err)
	}

	// A folder that does not exist: the message names the file asked for, and says "write".
	missing := filepath.Join(t.TempDir(), "absent", "copie.db")
	d.Press("b")
	d.WaitView("Sauvegarder la base")
	for range 40 {
		d.Press("backspace")
	}
	d.Type(missing)
	d.Press("enter")
	d.WaitView("Impossible d'écrire", "ce fichier ou dossier n'existe pas")
	if v := d.View(); strings.Contains(v, ".rollcall-backup-") || !strings.Contains(strings.Join(strings.Fields(v), ""), missing) {
		t.Errorf("the error should name %s:\n%s", missing, v)
	}

	sess.Remote = true
	d.Press("b")
	d.WaitView("Par SSH, les fichiers seraient ceux du serveur")
	if m.backup.form != nil {
		t.Error("the backup form opened in a remote console")
	}
}
