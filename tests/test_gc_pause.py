"""The collector held off for a block and given back as it was found."""
import gc

from services.core.gc_pause import collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a computation inside another one
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it on under the outer one
    assert gc.isenabled()


def test_a_collector_someone_turned_off_stays_off_and_an_error_gives_it_back():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise ValueError("a bad evening")
    except ValueError:
        pass
    assert gc.isenabled()
