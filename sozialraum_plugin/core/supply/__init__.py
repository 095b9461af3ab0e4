"""Social infrastructure and money: facilities against need (counts, the 2SFCA access score, need × supply
categories) and a budget split by need."""
