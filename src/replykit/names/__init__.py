"""RK3xx: the customer's name and patronymic — parsing, inflection, address builders and checks."""
