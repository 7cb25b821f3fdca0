package org.vertebra.evidence;

/** The identifiers a reference may carry and the check validates. */
public enum IdentifierKind { DOI, PMID }
