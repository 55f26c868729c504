package main

import (
	"errors"
	"os"

	"rollcall/mailmerge"
	"rollcall/model"
)

// exitPaused says an email campaign stopped because the SMTP server failed (down, refusing
// the login or the sender): fix it, then resume. Documented in README.md with the others.
const exitPaused = 6

// mergeExit is the exit code of the mail merge's errors, 0 for any other error.
func mergeExit(err error) int {
	var paused *model.CampaignPausedError
	var tes mailmerge.TemplateErrors
	var te *mailmerge.TemplateError
	var le *mailmerge.LayoutError
	var ae *mailmerge.AddressError
	switch {
	case errors.As(err, &paused):
		return exitPaused
	case errors.As(err, &tes), errors.As(err, &te), errors.As(err, &le), errors.As(err, &ae),
		errors.Is(err, model.ErrNoActivationURL), errors.Is(err, model.ErrNoSMTP):
		return exitInvalid
	case errors.Is(err, model.ErrNoRecipients), errors.Is(err, mailmerge.ErrNoCards):
		return exitNotFound
	case errors.Is(err, model.ErrCampaignRunning), errors.Is(err, model.ErrNotActivated), errors.Is(err, os.ErrExist),
		errors.Is(err, model.ErrSchoolSettingsDiffer):
		return exitConflict
	}
	return 0
}
