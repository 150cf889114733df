$PRECIS compare --explain --stories 2 examples/ | sed -n "/Grouping decisions/,\$p"
