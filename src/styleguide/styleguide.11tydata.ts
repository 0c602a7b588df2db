/** The style guide is for the newsroom: its pages stay out of the readers' search (no data-pagefind-body). */
export default { searchable: false };
