// libyaml: YAML events with their positions. Debian: libyaml-dev.
#include <yaml.h>
