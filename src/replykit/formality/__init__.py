"""RK2xx: formal address (T–V) — the customer is addressed with «вы», «Sie», «Ön», «Вие»."""
