package app

import (
	"context"
	"errors"

	"rollcall/model"
	"rollcall/storage"
)

// RecipientPreview is one person a campaign would email, and which email they would get.
type RecipientPreview struct {
	UserID   model.ID
	Login    string
	FullName string
	Email    string
	Language model.Language // the language of their email
	Variant  model.MailVariant
}

// CampaignPreview is a dry run of a campaign: the counts, the first card and message, and
// whether it could be sent now.
type CampaignPreview struct {
	MergePreview
	NoSMTP bool // no SMTP server is configured: the campaign could not be sent
}

// PreviewCampaign is what CreateCampaign and RunCampaign would do, without writing or sending
// anything: each recipient is passed to fn in the selection's order (fn's error stops the walk
// and is returned), and the preview holds the counts, the first card and the first message.
func (s *Session) PreviewCampaign(ctx context.Context, sel model.Selection, opts CampaignOptions, merge MergeOptions, fn func(RecipientPreview) error) (_ CampaignPreview, err error) {
	admin, err := s.acting(ctx)
	if err != nil {
		return
	}
	return s.app.previewCampaign(ctx, admin, sel, opts, merge, fn)
}

func (a *App) previewCampaign(ctx context.Context, admin model.Admin, sel model.Selection, opts CampaignOptions,
	merge MergeOptions, fn func(RecipientPreview) error) (CampaignPreview, error) {
	if merge.TemplateDir == "" {
		merge.TemplateDir = opts.TemplateDir
	}
	p, err := a.previewMerge(ctx, admin, sel, merge)
	if err != nil {
		return CampaignPreview{}, err
	}
	rows, err := a.selectForMerge(ctx, admin, sel, nil)
	if err != nil {
		return CampaignPreview{}, err
	}
	m, err := a.newMerger(ctx, admin.Language, merge, "", rows.schools(admin))
	if err != nil {
		return CampaignPreview{}, err
	}
	out := CampaignPreview{MergePreview: p, NoSMTP: !m.settings.SMTPConfigured()}
	if fn == nil {
		return out, nil
	}
	for _, id := range rows.withEmail() {
		u, err := a.store.User(ctx, id)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		} else if err != nil {
			return out, err
		}
		card := m.card(&u)
		rp := RecipientPreview{UserID: u.ID, Login: u.Login, FullName: card.FullName, Email: u.Email,
			Language: card.Language, Variant: model.VariantActivation}
		if !rp.Language.Valid() {
			rp.Language = model.English // what the templates fall back to
		}
		if card.Activated {
			rp.Variant = model.VariantReset
		}
		if err := fn(rp); err != nil {
			return out, err
		}
	}
	return out, nil
}
