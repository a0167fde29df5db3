package mail

import "net/mail"

// parseAddress returns the bare address of "Name <addr>".
func parseAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}
