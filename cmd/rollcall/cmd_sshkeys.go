package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"rollcall/model"
)

// sshKeyJSON is the stable --json shape of an SSH key.
type sshKeyJSON struct {
	Fingerprint string    `json:"fingerprint"`
	Type        string    `json:"type"`
	Comment     string    `json:"comment,omitempty"`
	PublicKey   string    `json:"public_key"`
	AddedAt     time.Time `json:"added_at,omitzero"`
	DryRun      bool      `json:"dry_run,omitempty"`
}

func keyJSON(k model.SSHKey) sshKeyJSON {
	return sshKeyJSON{Fingerprint: k.Fingerprint, Type: k.Type, Comment: k.Comment, PublicKey: k.PublicKey, AddedAt: k.AddedAt}
}

func newSSHKeysCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "ssh-keys", Short: "Manage the SSH public keys you connect to `rollcall serve` with"}
	cmd.AddCommand(newSSHKeysAddCmd(f), newSSHKeysListCmd(f), newSSHKeysRemoveCmd(f))
	return cmd
}

// maxKeyFile bounds what `ssh-keys add` reads: an authorized_keys file of a few dozen keys.
const maxKeyFile = 256 << 10

type sshKeysAddOptions struct {
	f              *factory
	key            string
	dryRun, asJSON bool
	args           []string
}

func newSSHKeysAddCmd(f *factory) *cobra.Command {
	o := &sshKeysAddOptions{f: f}
	cmd := &cobra.Command{
		Use:   "add [FILE|-]",
		Short: "Add your SSH public key(s): from a .pub file, standard input (-) or --key",
		Example: `  rollcall ssh-keys add ~/.ssh/id_ed25519.pub
  rollcall ssh-keys add --key "ssh-ed25519 AAAAC3Nza… marie@laptop"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			return runSSHKeysAdd(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.key, "key", "", "the public key itself (one authorized_keys line)")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check the key(s) without adding them")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the keys added as JSON")
	return cmd
}

func runSSHKeysAdd(ctx context.Context, o *sshKeysAddOptions) error {
	f := o.f
	lines, err := readKeyLines(f, o.key, o.args)
	if err != nil {
		return err
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	// Every key is checked before any is added: all or nothing.
	for _, l := range lines {
		if _, err := sess.AddSSHKey(ctx, l, true); err != nil {
			return err
		}
	}
	out := []sshKeyJSON{}
	for _, l := range lines {
		k, err := sess.AddSSHKey(ctx, l, o.dryRun)
		if err != nil {
			return err
		}
		j := keyJSON(k)
		j.DryRun = o.dryRun
		out = append(out, j)
		if !o.dryRun {
			f.say(f.Catalog().Admins.KeyAdded, k.Fingerprint)
		}
	}
	sayDone(f, o.dryRun, "%s", f.Catalog().Admins.KeysHint)
	if o.asJSON {
		return f.printJSON(out)
	}
	return nil
}

// readKeyLines returns the key lines given by --key, a file, or standard input ("-", or no
// argument when stdin is not a terminal): every line that is not blank or a # comment.
func readKeyLines(f *factory, key string, args []string) ([]string, error) {
	var r io.Reader
	switch {
	case key != "" && len(args) > 0:
		return nil, usageError{errors.New(f.Catalog().CLIUsage.KeyTwice)}
	case key != "":
		r = strings.NewReader(key)
	case len(args) == 1 && args[0] != "-":
		file, err := os.Open(args[0])
		if err != nil {
			return nil, err
		}
		defer file.Close()
		r = file
	case !f.env.stdinTTY:
		r = f.env.stdin
	default:
		return nil, usageError{errors.New(f.Catalog().CLIUsage.KeyNone)}
	}
	var lines []string
	sc := bufio.NewScanner(io.LimitReader(r, maxKeyFile))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w (%w)", model.ErrSSHKeyInvalid, model.ErrInvalid)
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("%w (%w)", model.ErrSSHKeyInvalid, model.ErrInvalid)
	}
	return lines, nil
}

type sshKeysListOptions struct {
	f      *factory
	asJSON bool
}

func newSSHKeysListCmd(f *factory) *cobra.Command {
	o := &sshKeysListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your SSH keys",
		RunE:  func(cmd *cobra.Command, _ []string) error { return runSSHKeysList(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print as JSON")
	return cmd
}

func runSSHKeysList(ctx context.Context, o *sshKeysListOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	keys, err := sess.ListSSHKeys(ctx)
	if err != nil {
		return err
	}
	out := []sshKeyJSON{}
	for _, k := range keys {
		out = append(out, keyJSON(k))
	}
	if o.asJSON {
		return f.printJSON(out)
	}
	cat := f.Catalog()
	t := cat.Admins
	w := tabwriter.NewWriter(f.env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", t.ColFingerprint, "Type", t.ColComment, t.ColAdded)
	for _, k := range out {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", k.Fingerprint, k.Type, k.Comment, cat.DateTime(k.AddedAt))
	}
	return w.Flush()
}

type sshKeysRemoveOptions struct {
	f      *factory
	dryRun bool
	key    string
}

func newSSHKeysRemoveCmd(f *factory) *cobra.Command {
	o := &sshKeysRemoveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "remove FINGERPRINT|COMMENT",
		Short: "Remove one of your SSH keys: it can no longer connect",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.key = args[0]
			return runSSHKeysRemove(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "check without removing")
	return cmd
}

func runSSHKeysRemove(ctx context.Context, o *sshKeysRemoveOptions) error {
	f := o.f
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	k, err := sess.RemoveSSHKey(ctx, o.key, o.dryRun)
	if err != nil {
		return err
	}
	sayDone(f, o.dryRun, f.Catalog().Admins.KeyRemoved, k.Fingerprint)
	return nil
}
