package screen

import "rollcall/model"

// MailMergeArgs open the mail merge on a selection of users: the Users screen passes the
// selection it shows, so the cards printed and the emails sent are the rows the admin filtered.
type MailMergeArgs struct {
	Selection model.Selection
}
