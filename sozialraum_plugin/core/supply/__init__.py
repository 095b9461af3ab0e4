"""Social infrastructure and money: facilities against need, need-based allocation of a budget."""
