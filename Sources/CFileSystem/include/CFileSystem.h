#ifndef GUIDE_CFILESYSTEM_H
#define GUIDE_CFILESYSTEM_H

/// Atomically swaps the two paths (Linux renameat2 with RENAME_EXCHANGE):
/// both exist before and after, each under the other's name. Returns 0, or
/// -1 with errno set (EINVAL or ENOSYS where the file system or kernel
/// cannot exchange). Swift's Glibc module does not expose renameat2.
int guide_exchange_paths(const char *first, const char *second);

#endif
