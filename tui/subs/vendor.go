package subs

import (
	"context"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"rollcall/app"
	"rollcall/model"
	"rollcall/tui/screen"
)

// trustedMsg is the answer to "accept this vendor's claim codes".
type trustedMsg struct {
	id    screen.RequestID
	key   model.VendorKey
	added bool
	err   error
}

// openVendorForm asks for the public key file a vendor gave, as `rollcall vendor trust` does,
// for the school the selector shows; on "all" the form asks which school, when there are several.
func (m *Model) openVendorForm() tea.Cmd {
	cat := m.sess.Cat
	t := cat.Licensing.Vendor
	m.vendorPath, m.notice, m.noticeErr, m.kind = "", "", nil, formVendor
	if err := m.sess.LocalFiles(); err != nil { // over SSH the key file would be the server's
		m.noticeErr = err
		return nil
	}
	m.vendorOrg = m.orgID()
	var fields []huh.Field
	if m.vendorOrg == 0 && len(m.orgs) > 0 {
		m.vendorOrg = m.orgs[0].ID
		if len(m.orgs) > 1 {
			opts := make([]huh.Option[model.ID], len(m.orgs))
			for i, o := range m.orgs {
				opts[i] = huh.NewOption(o.Name, o.ID)
			}
			fields = append(fields, huh.NewSelect[model.ID]().Key("org").Title(cat.Licensing.Subs.Organization).
				Options(opts...).Value(&m.vendorOrg))
		}
	}
	fields = append(fields, huh.NewInput().Key("path").Title(t.KeyFile).Description(t.KeyFileHint).CharLimit(4096).
		Value(&m.vendorPath).Validate(m.sess.Required(t.KeyFile)))
	m.form = m.sess.NewForm(huh.NewGroup(fields...))
	screen.SizeForm(m.form, m.width, m.height)
	return m.form.Init()
}

// formKey gives a key to the open form; esc closes it, completion trusts the file.
func (m *Model) formKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.cancel) {
		m.form = nil
		return nil
	}
	cmd, state := screen.UpdateForm(m.form, msg)
	switch state {
	case huh.StateCompleted:
		m.form = nil
		if m.kind == formRenew {
			return tea.Batch(cmd, m.renew())
		}
		return tea.Batch(cmd, m.trust(strings.TrimSpace(m.vendorPath)))
	case huh.StateAborted:
		m.form = nil
	}
	return cmd
}

// trust reads the key file and adds the vendor, off the update loop.
func (m *Model) trust(path string) tea.Cmd {
	m.req = m.sess.NewRequest()
	ctx, as, org, id := m.sess.Ctx, m.sess.Acting, m.vendorOrg, m.req
	return func() tea.Msg {
		return trustVendor(ctx, as, org, screen.ExpandHome(path), id)
	}
}

func trustVendor(ctx context.Context, as *app.Session, org model.ID, path string, id screen.RequestID) trustedMsg {
	f, err := os.Open(path)
	if err != nil {
		return trustedMsg{id: id, err: err}
	}
	defer f.Close()
	k, added, err := as.TrustVendorKey(ctx, org, path, f, false)
	return trustedMsg{id: id, key: k, added: added, err: err}
}

// trusted says what the trust did: a vendor's codes are accepted now, or were already.
func (m *Model) trusted(msg trustedMsg) {
	if msg.id != m.req {
		return
	}
	if msg.err != nil {
		m.noticeErr = msg.err
		return
	}
	t := m.sess.Cat.Licensing.Vendor
	format := t.Trusted
	if !msg.added {
		format = t.AlreadyTrusted
	}
	m.notice = fmt.Sprintf(format, msg.key.Vendor, msg.key.KeyID())
}
